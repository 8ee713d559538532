import { argument, command, type CommandDefinition } from './command-definition.js';

const time = argument('time', { en: 'Local time, HH:MM (24-hour), e.g. 09:00', ru: 'Местное время ЧЧ:ММ, например 09:00', kk: 'Жергілікті уақыт СС:ММ, мысалы 09:00' });

const timezone = argument('timezone', { en: 'Time zone (IANA), e.g. Asia/Almaty', ru: 'Часовой пояс (IANA), например Asia/Almaty', kk: 'Уақыт белдеуі (IANA), мысалы Asia/Almaty' });

/** The commands of daily "on this day" posts. */
export const SUBSCRIPTION_COMMANDS: readonly CommandDefinition[] = [
  command(
    'subscribe',
    {
      en: 'Daily "on this day" posts in this chat',
      ru: 'Ежедневные посты «в этот день» в этом чате',
      kk: 'Осы чатқа күнделікті «дәл бүгін» жазбалары',
    },
    { args: [time, timezone], adminOnly: true },
  ),
  command('unsubscribe', { en: 'Stop the daily posts', ru: 'Отключить ежедневные посты', kk: 'Күнделікті жазбаларды тоқтату' }, { adminOnly: true }),
  command(
    'settings',
    {
      en: 'Show or change post time, time zone and language',
      ru: 'Время постов, часовой пояс и язык',
      kk: 'Жазба уақыты, уақыт белдеуі және тіл',
    },
    {
      args: [
        argument('setting', { en: 'time, zone or lang', ru: 'time, zone или lang', kk: 'time, zone немесе lang' }),
        argument('value', { en: 'e.g. 08:30, Europe/Moscow or ru', ru: 'например 08:30, Europe/Moscow или ru', kk: 'мысалы 08:30, Europe/Moscow немесе kk' }),
      ],
      adminOnly: true,
    },
  ),
  command('today', { en: "Today's post: what happened on this day", ru: 'Пост на сегодня: что было в этот день', kk: 'Бүгінгі жазба: осы күні не болды' }),
  command('preview', { en: 'The daily post for a given date', ru: 'Ежедневный пост на заданную дату', kk: 'Берілген күнге арналған жазба' }, {
    args: [
      argument('date', { en: 'Date as YYYY-MM-DD, e.g. 2022-06-05', ru: 'Дата ГГГГ-ММ-ДД, например 2022-06-05', kk: 'Күні ЖЖЖЖ-АА-КК, мысалы 2022-06-05' }, { required: true }),
    ],
  }),
];
