### Russian interface strings (Fluent syntax).
### After an edit, `npm run i18n:types` regenerates messages.generated.ts (the MessageId type and the text the bot loads).

source-line = Источник: «{ $title }», { $date }, раздел «{ $section }», абзац { $paragraph }
source-lines = Источник: «{ $title }», { $date }: { $places }
source-place = раздел «{ $section }», { $count ->
    [one] абзац
   *[other] абзацы
} { $paragraphs }
yes = Да.
no = Нет.
unsure-note = Не уверен, что вы спрашивали именно об этом.
did-you-mean = Или вы имели в виду:
did-you-mean-below = Или вы имели в виду { $count ->
    [one] вопрос ниже
   *[other] один из вопросов ниже
  }?
unknown-empty = Задайте, пожалуйста, вопрос о реформах в Казахстане 2022–2023 годов.
unknown-too-long = Сообщение слишком длинное ({ $length ->
    [one] { $length } символ
    [few] { $length } символа
   *[many] { $length } символов
  }). Задайте, пожалуйста, один короткий вопрос.
unknown = Не знаю: в моём источнике, «{ $title }» ({ $date }), об этом не сказано. Я могу ответить на вопросы о январских событиях 2022 года, референдуме, реформах, экономике и отношениях с Россией.
try-asking = Попробуйте спросить:
try-asking-below = Попробуйте { $count ->
    [one] вопрос ниже
   *[other] один из вопросов ниже
  }.
calendar-intro = События за { $when }:
calendar-none = В моём источнике нет событий за { $when }.
on-this-day-none = В моём источнике нет событий за { $when }.
welcome = Здравствуйте! Я отвечаю на вопросы о политических реформах в Казахстане 2022–2023 годов и ссылаюсь на источник, статью «{ $title }» ({ $date }). Спрашивайте на русском, казахском или английском.
welcome-examples = Выберите один из вопросов ниже или наберите /help, чтобы узнать всё, что я умею.
help-intro = Задайте вопрос своими словами, например «Когда был референдум?» или «What did the referendum change?». Я отвечаю по одному источнику и честно говорю, если в нём об этом ничего нет.
help-commands = Команды:
help-group = В группе пишите /ask и свой вопрос.
help-group-addressed = В группе я вижу только команды, упоминания меня и ответы на мои сообщения, поэтому напишите /ask и вопрос, упомяните меня или ответьте на моё сообщение.
help-language = Языки: я отвечаю на том языке, на котором вы пишете, а если его не удаётся определить — на языке вашего приложения (затем на языке чата, затем по-английски). Сообщения для всего чата (ежедневные посты, групповые викторины) — на языке чата; его задаёт /settings lang.
topics-intro = Вот о чём я знаю. Выберите тему:
topic-questions = { $topic }: о чём можно спросить
ask-usage = Напишите вопрос после команды, например: /ask когда был референдум?
rate-limited = Слишком много вопросов подряд. Подождите { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[many] { $seconds } секунд
  } и спросите снова.
error-apology = Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.
unknown-command-named = Я не знаю команды { $command }. Наберите /help, чтобы увидеть список моих команд.
gap-entity = В моём источнике не сказано, { $about }.
gap = В моём источнике не сказано, { $about }. Вот что в нём сказано: { $answer }
admin-only = Эту команду могут использовать только участники, которые управляют этим сервером.
admin-check-failed = Сейчас не удалось проверить, администратор ли вы в этом чате, поэтому команда не выполнена. Попробуйте ещё раз чуть позже.
button-expired = Эта кнопка устарела. Задайте вопрос снова.
choose-number = Выберите число от 1 до { $max }.
feedback-button = Вопрос был о другом
feedback-thanks = Спасибо! Вопрос записан, чтобы ответы стали лучше.
date-label = Дата
smalltalk-hello = Здравствуйте! Я отвечаю на вопросы о реформах в Казахстане 2022–2023 годов по одному источнику, «{ $title }» ({ $date }), на русском, казахском или английском.
smalltalk-thanks = Пожалуйста! Спрашивайте ещё о реформах.
smalltalk-ack = Хорошо. Спрашивайте ещё о реформах.
smalltalk-bye = До свидания! Возвращайтесь с новыми вопросами о реформах.
smalltalk-who-are-you = Я бот, который отвечает на вопросы о политических реформах в Казахстане 2022–2023 годов — январских событиях, референдуме, новом президентском сроке, экономике, отношениях с Россией — по одному источнику, «{ $title }» ({ $date }). Команды — в /help.
compare-earlier = Сначала — { $first }, затем — { $second }.
compare-later = Позже — { $first }, раньше — { $second }.
duration = Между событиями «{ $from }» и «{ $to }» — { $amount }.
amount-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
   *[many] { $n } дней
}
amount-about-weeks = { $n ->
    [one] около { $n } недели
   *[other] около { $n } недель
}
amount-about-months = { $n ->
    [one] около { $n } месяца
   *[other] около { $n } месяцев
}
amount-years = { $n ->
    [one] { $n } год
    [few] { $n } года
   *[many] { $n } лет
}
amount-about-years = { $n ->
    [one] около { $n } года
   *[other] около { $n } лет
}
part-not-covered = На вопрос «{ $part }» в моём источнике ответа нет.
# Daily posts
daily-on-this-day = В этот день в { $year } году, { $ago }:
daily-years-ago = { $years ->
    [one] { $years } год назад
    [few] { $years } года назад
   *[many] { $years } лет назад
}
daily-upcoming = Через { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }, { $date }, исполнится { $years ->
        [one] { $years } год
        [few] { $years } года
       *[many] { $years } лет
    } со дня этого события:
daily-fact-of-the-day = Факт дня:
daily-question-of-the-day = Вопрос дня: { $question }
daily-show-answer = Показать ответ
daily-choice-yes = Да
daily-choice-no = Нет
daily-reveal-yesterday = Вчерашний вопрос: { $question }
daily-reveal-dated = Вопрос от { $date }: { $question }
daily-reveal-answer = Ответ: { $answer }. { $explanation }
daily-recorded = Ваш ответ «{ $choice }» принят. Правильный — в следующем посте.
daily-already-answered = Вы уже ответили на этот вопрос: засчитывается первое нажатие.
daily-seen-answer = Вы посмотрели ответ до выбора, поэтому это нажатие не засчитывается.
daily-closed = Этот вопрос уже закрыт: ответ был в следующем посте.
daily-right = ✅ Верно! { $explanation }
daily-wrong = ❌ Увы, нет: правильный ответ — «{ $answer }». { $explanation }
sub-subscribed = Ежедневные посты включены: каждый день в { $time } ({ $zone }). Изменить — /settings, отключить — /unsubscribe.
sub-updated = Теперь ежедневные посты будут приходить каждый день в { $time } ({ $zone }).
sub-unsubscribed = Ежедневные посты отключены. /subscribe включит их снова.
sub-not-subscribed = В этом чате нет ежедневных постов. Включите их командой /subscribe, например /subscribe 09:00 Asia/Almaty
sub-bad-time = «{ $value }» — не время суток. Укажите время в 24-часовом формате ЧЧ:ММ, например: /subscribe 09:00 { $zone }
sub-bad-zone = «{ $value }» — неизвестный часовой пояс. Укажите название IANA, например Asia/Almaty, Europe/Moscow или UTC: /subscribe 09:00 { $zone }
sub-admin-only = Извините, ежедневные посты в этом чате могут менять только администраторы.
sub-no-store = Ежедневные посты здесь недоступны: бот работает без базы данных.
settings-on = Ежедневные посты: каждый день в { $time } ({ $zone }).
settings-paused = Ежедневные посты: приостановлены (бот не смог сюда написать); время — { $time } ({ $zone }). /subscribe возобновит их.
settings-off = Ежедневные посты: выключены (/subscribe включит их).
settings-lang = Язык чата (ежедневные посты, групповые викторины и другие сообщения для всего чата): { $lang }
settings-usage = Изменить: /settings time 08:30 · /settings zone Europe/Moscow · /settings lang ru (en, ru или kk)
settings-bad-lang = «{ $value }» — неизвестный язык. Доступны: en, ru и kk. Пример: /settings lang ru
settings-lang-set = Теперь язык этого чата — русский: ежедневные посты, групповые викторины и другие сообщения для всего чата будут на русском. Каждому участнику я по-прежнему отвечаю на том языке, на котором он пишет.
preview-usage = Укажите дату в формате ГГГГ-ММ-ДД, например: /preview 2022-06-05
preview-bad-date = «{ $value }» — не дата. Укажите дату в формате ГГГГ-ММ-ДД, например: /preview 2022-06-05
study-intro = 📚 Викторина: { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
   *[many] { $count } вопросов
  }, по { $seconds ->
    [one] { $seconds } секунде
    [few] { $seconds } секунды
   *[many] { $seconds } секунд
  } на каждый. Выберите ответ: засчитывается только первое нажатие.
study-intro-topic = 📚 Викторина на тему «{ $topic }»: { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
   *[many] { $count } вопросов
  }, по { $seconds ->
    [one] { $seconds } секунде
    [few] { $seconds } секунды
   *[many] { $seconds } секунд
  } на каждый. Выберите ответ: засчитывается только первое нажатие.
study-question = ❓ Вопрос { $n }/{ $total }
study-reveal = ✅ Ответ: { $answer }
study-right-count = Верно ответили: { $right } из { $answered }.
study-you-right = 🎉 Верно!
study-you-wrong = ❌ На этот раз нет.
study-timeout = ⏱ Время вышло.
study-leaderboard = 🏁 Итоги:
study-nobody = Никто не ответил.
study-someone = Участник
study-points = { $correct } из { $answered }
study-review-private = 🔁 Повторение у каждого своё, поэтому оно идёт в личном чате со мной.
study-review-open = Открыть повторение
study-review-dm = Напишите мне /review в личные сообщения.
study-review-button = 🔁 Повторить мои ошибки
study-review-elsewhere = Чтобы повторить ошибки, напишите мне /review в личные сообщения.
study-review-solo = Вопросы, в которых вы ошиблись, можно повторить командой /review.
study-result = 🏁 Вы верно ответили на { $correct } { $correct ->
    [one] вопрос
    [few] вопроса
   *[many] вопросов
  } из { $total }.
study-stopped = ⏹ Викторина остановлена.
study-restarted = ⚠ Бот перезапустился, поэтому викторина на этом заканчивается.
study-already-running = В этом чате уже идёт викторина (вопрос { $n } из { $total }). /stop завершит её.
study-no-session = Здесь нет викторины. Начните её командой /study.
study-not-allowed = Это может сделать только тот, кто начал викторину, или администратор.
study-unknown-topic = Я не знаю темы «{ $topic }». Доступные темы: { $topics }
study-no-questions = По этой теме у меня пока нет вопросов.
study-recorded = Ваш ответ «{ $choice }» принят. Правильный покажу, когда вопрос закроется.
study-already-answered = Вы уже ответили на этот вопрос: засчитывается первое нажатие.
study-closed = Этот вопрос уже закрыт.
study-top-title = 🏆 Рейтинг викторин этого чата
study-top-week = За эту неделю:
study-top-all = За всё время:
study-top-empty = Здесь ещё никто не участвовал в викторине. Начните её командой /study.
study-stats = Ваши результаты: { $answered ->
    [one] { $answered } ответ
    [few] { $answered } ответа
   *[many] { $answered } ответов
  }, из них верных — { $correct } ({ $percent }%). Верных ответов подряд: сейчас { $streak }, рекорд — { $best }.
study-stats-weak = Слабые темы: { $topics }
study-stats-none = Вы ещё не отвечали на вопросы викторин. Начните викторину командой /study!
study-review-title = 🔁 Повторение (на очереди: { $due })
study-review-empty = Повторять нечего: сюда попадают вопросы викторин, в которых вы ошиблись.
study-review-later = Сейчас повторять нечего. Следующее повторение { $when }.
study-review-done = На сейчас всё. Следующее повторение { $when }.
study-review-done-empty = На этом всё: повторять больше нечего.
study-review-stale = На этот вопрос вы уже ответили.
study-in-minutes = через { $n ->
    [one] { $n } минуту
    [few] { $n } минуты
   *[many] { $n } минут
  }
study-in-hours = через { $n ->
    [one] { $n } час
    [few] { $n } часа
   *[many] { $n } часов
  }
study-in-days = через { $n ->
    [one] { $n } день
    [few] { $n } дня
   *[many] { $n } дней
  }
study-count-too-many = ℹ В викторине может быть не больше { $max ->
    [one] { $max } вопроса
   *[other] { $max } вопросов
  }, поэтому их будет { $count }.
study-count-too-few = ℹ В викторине должно быть не меньше { $min ->
    [one] { $min } вопроса
   *[other] { $min } вопросов
  }, поэтому их будет { $count }.
study-fewer = ℹ Сейчас у меня для викторины есть только { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
   *[many] { $count } вопросов
  }.
study-fewer-topic = ℹ По теме «{ $topic }» для викторины есть только { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
   *[many] { $count } вопросов
  }.
