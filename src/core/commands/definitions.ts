import { argument, command, type CommandDefinition } from './command-definition.js';
import { STUDY_COMMANDS } from './study-commands.js';
import { SUBSCRIPTION_COMMANDS } from './subscription-commands.js';

// The shape of a command lives in its own module, which the feature files import (not this list of them).
export type { CommandArgument, CommandDefinition } from './command-definition.js';

const question = argument('question', { en: 'Your question, in English, Russian or Kazakh', ru: 'Ваш вопрос на русском, казахском или английском', kk: 'Сұрағыңыз қазақ, орыс немесе ағылшын тілінде' }, { required: true, autocomplete: true });

/** The commands of asking: start, help, ask, topics. */
export const ASK_COMMANDS: readonly CommandDefinition[] = [
  command('start', { en: 'Start: what this bot can do', ru: 'Начало: что умеет бот', kk: 'Бастау: бот не істей алады' }, { scope: 'private' }),
  command('help', { en: 'How to use the bot', ru: 'Как пользоваться ботом', kk: 'Ботты қалай қолдану керек' }),
  command(
    'ask',
    {
      en: "Ask about Kazakhstan's 2022–2023 reforms",
      ru: 'Вопрос о реформах в Казахстане 2022–2023 годов',
      kk: 'Қазақстандағы 2022–2023 жылғы реформалар туралы сұрақ',
    },
    { args: [question] },
  ),
  command('topics', { en: 'What the bot knows about', ru: 'О чём знает бот', kk: 'Бот не туралы біледі' }),
];

/**
 * Every command of the bot, in menu order. Features keep their definitions in their own files
 * (subscriptions, study) and are listed here once.
 */
export const COMMANDS: readonly CommandDefinition[] = [...ASK_COMMANDS, ...SUBSCRIPTION_COMMANDS, ...STUDY_COMMANDS];

/** Looks a command up by name (case-insensitive). */
export function findCommand(name: string): CommandDefinition | undefined {
  const n = name.toLowerCase();
  return COMMANDS.find((c) => c.name === n);
}
