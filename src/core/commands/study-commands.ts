import { argument, command, type CommandDefinition } from './command-definition.js';

const count = argument('number', { en: 'How many questions (1–30, default 10)', ru: 'Сколько вопросов (1–30, по умолчанию 10)', kk: 'Қанша сұрақ (1–30, әдетте 10)' }, { type: 'integer' });

const topic = argument('topic', { en: 'A topic as /topics names it, e.g. referendum', ru: 'Тема, как в /topics, например референдум', kk: 'Тақырып, /topics тізіміндегідей, мысалы референдум' });

/** The commands of group study sessions. */
export const STUDY_COMMANDS: readonly CommandDefinition[] = [
  command('study', { en: 'Start a quiz in this chat', ru: 'Начать викторину в этом чате', kk: 'Осы чатта викторина бастау' }, { args: [count, topic] }),
  command('next', { en: 'Close the quiz question now (starter or admin)', ru: 'Закрыть вопрос викторины сейчас (автор или админ)', kk: 'Викторина сұрағын қазір жабу (бастаушы не әкімші)' }, { checksAdmin: true }),
  command('stop', { en: 'End the quiz and show the leaderboard (starter or admin)', ru: 'Завершить викторину и показать итоги (автор или админ)', kk: 'Викторинаны аяқтап, нәтижесін көрсету (бастаушы не әкімші)' }, { checksAdmin: true }),
  command('top', { en: "This chat's quiz leaderboard: this week and all time", ru: 'Рейтинг викторин чата: за неделю и за всё время', kk: 'Чаттың викторина рейтингі: осы аптада және барлық уақытта' }),
  command('stats', { en: 'Your quiz record', ru: 'Ваши результаты в викторинах', kk: 'Викториналардағы нәтижеңіз' }),
  command('review', { en: 'Review the quiz questions you missed', ru: 'Повторить вопросы, где вы ошиблись', kk: 'Қате жауап берген сұрақтарды қайталау' }),
];
