### English interface strings (Fluent syntax).
### After an edit, `npm run i18n:types` regenerates messages.generated.ts (the MessageId type and the text the bot loads).

source-line = Source: “{ $title }”, { $date }, section “{ $section }”, paragraph { $paragraph }
source-lines = Source: “{ $title }”, { $date }: { $places }
source-place = section “{ $section }”, { $count ->
    [one] paragraph
   *[other] paragraphs
} { $paragraphs }
yes = Yes.
no = No.
unsure-note = I'm not sure this is what you asked.
did-you-mean = Or did you mean:
did-you-mean-below = Or did you mean { $count ->
    [one] the question below
   *[other] one of the questions below
  }?
unknown-empty = Please type a question about Kazakhstan's 2022–2023 reforms.
unknown-too-long = That message is too long for me ({ $length } characters). Please ask one short question.
unknown = I don't know: my source, “{ $title }” ({ $date }), does not say. I can answer questions about the January 2022 events, the referendum, the reforms, the economy and relations with Russia.
try-asking = Try:
try-asking-below = Try { $count ->
    [one] the question below
   *[other] one of the questions below
  }.
calendar-intro = Events of { $when }:
calendar-none = My source has no event dated { $when }.
on-this-day-none = My source has no events on { $when }.
welcome = Hello! I answer questions about Kazakhstan's 2022–2023 political reforms, citing my source, the article “{ $title }” ({ $date }). Ask me anything, in English, Russian or Kazakh.
welcome-examples = Pick one of these questions to try me, or type /help to see everything I can do.
help-intro = Ask me a question in plain words, for example “When was the referendum?” or “Что изменил референдум?”. I answer from one source and say so when it is silent.
help-commands = Commands:
help-group = In a group, ask with /ask followed by your question.
help-group-addressed = In a group I only see commands, mentions of me and replies to my messages, so use /ask followed by your question, mention me, or reply to me.
help-language = Languages: I answer you in the language you write in, or else in the language of your app (then the chat's, then English). Messages for the whole chat (daily posts, group quizzes) are in the chat's language, set with /settings lang.
topics-intro = Here is what I know about. Pick a topic:
topic-questions = { $topic }: questions you can ask
ask-usage = Write your question after the command, for example: /ask when was the referendum?
rate-limited = You are asking very fast. Please wait { $seconds } s and ask again.
error-apology = Sorry, something went wrong on my side. Please try again in a moment.
unknown-command-named = I don't know the command { $command }. Type /help to see the commands I do know.
gap-entity = My source does not say { $about }.
gap = My source does not say { $about }. What it does say: { $answer }
admin-only = Only members who can manage this server may use this command.
admin-check-failed = I could not check just now whether you administer this chat, so the command did not run. Please try again in a moment.
button-expired = This button is out of date. Please ask again.
choose-number = Choose a number from 1 to { $max }.
feedback-button = Not what I asked
feedback-thanks = Thank you! The question is noted, so that the answers can be improved.
date-label = Date
smalltalk-hello = Hello! I answer questions about Kazakhstan's 2022–2023 reforms from one source, “{ $title }” ({ $date }), in English, Russian or Kazakh.
smalltalk-thanks = You're welcome! Ask me anything else about the reforms.
smalltalk-ack = Good. Ask me anything else about the reforms.
smalltalk-bye = Goodbye! Come back with more questions about the reforms.
smalltalk-who-are-you = I am a bot that answers questions about Kazakhstan's 2022–2023 political reforms — the January events, the referendum, the new presidential term, the economy, relations with Russia — from one source, “{ $title }” ({ $date }). Type /help to see my commands.
compare-earlier = { $first } came first; { $second } came later.
compare-later = { $first } came later; { $second } was earlier.
duration = { $amount } passed between { $from } and { $to }.
amount-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
amount-about-weeks = { $n ->
    [one] about a week
   *[other] about { $n } weeks
}
amount-about-months = { $n ->
    [one] about a month
   *[other] about { $n } months
}
amount-years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}
amount-about-years = { $n ->
    [one] about a year
   *[other] about { $n } years
}
part-not-covered = My source does not say anything about “{ $part }”.
# Daily posts
daily-on-this-day = On this day in { $year }, { $ago }:
daily-years-ago = { $years ->
    [one] { $years } year ago
   *[other] { $years } years ago
}
daily-upcoming = In { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, on { $date }, it will be { $years ->
        [one] { $years } year
       *[other] { $years } years
    } since this event:
daily-fact-of-the-day = Fact of the day:
daily-question-of-the-day = Question of the day: { $question }
daily-show-answer = Show the answer
daily-choice-yes = Yes
daily-choice-no = No
daily-reveal-yesterday = Yesterday's question: { $question }
daily-reveal-dated = The question of { $date }: { $question }
daily-reveal-answer = Answer: { $answer }. { $explanation }
daily-recorded = Your answer “{ $choice }” is in. The right one comes with the next post.
daily-already-answered = You have already answered this question: your first press counts.
daily-seen-answer = You saw the answer before choosing, so this press is not counted.
daily-closed = This question is closed: its answer came with the next post.
daily-right = ✅ Right! { $explanation }
daily-wrong = ❌ Not quite: the answer is “{ $answer }”. { $explanation }
sub-subscribed = Daily posts are on: every day at { $time } ({ $zone }). Change them with /settings, stop them with /unsubscribe.
sub-updated = Daily posts now come every day at { $time } ({ $zone }).
sub-unsubscribed = Daily posts are off. /subscribe turns them back on.
sub-not-subscribed = This chat has no daily posts. Turn them on with /subscribe, for example /subscribe 09:00 Asia/Almaty
sub-bad-time = “{ $value }” is not a time of day. Use 24-hour HH:MM, for example: /subscribe 09:00 { $zone }
sub-bad-zone = “{ $value }” is not a time zone I know. Use an IANA name such as Asia/Almaty, Europe/Moscow or UTC, for example: /subscribe 09:00 { $zone }
sub-admin-only = Sorry, only this chat's administrators can change its daily posts.
sub-no-store = Daily posts are not available here: the bot runs without a database.
settings-on = Daily posts: every day at { $time } ({ $zone }).
settings-paused = Daily posts: paused (the bot could not post here); set to { $time } ({ $zone }). /subscribe resumes them.
settings-off = Daily posts: off (/subscribe turns them on).
settings-lang = Chat language (daily posts, group quizzes and other messages for the whole chat): { $lang }
settings-usage = To change: /settings time 08:30 · /settings zone Europe/Moscow · /settings lang ru (en, ru or kk)
settings-bad-lang = “{ $value }” is not one of my languages: en, ru or kk. Example: /settings lang ru
settings-lang-set = This chat's language is now English: daily posts, group quizzes and other messages for the whole chat will be in English. Replies to each member stay in the language they write in.
preview-usage = Give a date as YYYY-MM-DD, for example: /preview 2022-06-05
preview-bad-date = “{ $value }” is not a date. Use YYYY-MM-DD, for example: /preview 2022-06-05
study-intro = 📚 Quiz: { $count ->
    [one] { $count } question
   *[other] { $count } questions
  }, { $seconds } s each. Press an answer: only your first press counts.
study-intro-topic = 📚 Quiz on “{ $topic }”: { $count ->
    [one] { $count } question
   *[other] { $count } questions
  }, { $seconds } s each. Press an answer: only your first press counts.
study-question = ❓ Question { $n }/{ $total }
study-reveal = ✅ Answer: { $answer }
study-right-count = Right: { $right } of { $answered }.
study-you-right = 🎉 Right!
study-you-wrong = ❌ Not this time.
study-timeout = ⏱ Time is up.
study-leaderboard = 🏁 Leaderboard:
study-nobody = Nobody answered.
study-someone = A member
study-points = { $correct } of { $answered }
study-review-private = 🔁 Reviews are personal, so they happen in a private chat with me.
study-review-open = Open my review
study-review-dm = Send me /review in a private message.
study-review-button = 🔁 Review my misses
study-review-elsewhere = To review your misses, send me /review in a private message.
study-review-solo = The questions you missed come back with /review.
study-result = 🏁 You answered { $correct } of { $total } { $total ->
    [one] question
   *[other] questions
  } right.
study-stopped = ⏹ The quiz was stopped.
study-restarted = ⚠ The bot restarted, so this quiz ends here.
study-already-running = A quiz is already running here (question { $n } of { $total }). /stop ends it.
study-no-session = There is no quiz running here. Start one with /study.
study-not-allowed = Only the member who started the quiz or an admin can do that.
study-unknown-topic = I don't know the topic “{ $topic }”. Topics: { $topics }
study-no-questions = I have no questions on that topic yet.
study-recorded = Your answer “{ $choice }” is in. The right one is shown when the question closes.
study-already-answered = You have already answered this question: your first press counts.
study-closed = This question is closed.
study-top-title = 🏆 Quiz leaderboard of this chat
study-top-week = This week:
study-top-all = All time:
study-top-empty = No one has played here yet. Start with /study.
study-stats = Your record: { $answered } answered, { $correct } correct ({ $percent }%). Current streak: { $streak }; best: { $best }.
study-stats-weak = Weakest topics: { $topics }
study-stats-none = You have not answered a quiz question yet. Start a quiz with /study!
study-review-title = 🔁 Review ({ $due } due)
study-review-empty = Your review queue is empty: the quiz questions you miss come back here.
study-review-later = Nothing to review right now. Next review { $when }.
study-review-done = That's all for now. Next review { $when }.
study-review-done-empty = That's all: your review queue is empty.
study-review-stale = This review question was already answered.
study-in-minutes = in { $n } min
study-in-hours = in { $n } h
study-in-days = in { $n } days
study-count-too-many = ℹ A quiz has at most { $max } questions: starting with { $count }.
study-count-too-few = ℹ A quiz has at least { $min ->
    [one] { $min } question
   *[other] { $min } questions
  }: starting with { $count }.
study-fewer = ℹ I have { $count ->
    [one] only { $count } question
   *[other] only { $count } questions
  } for a quiz right now.
study-fewer-topic = ℹ “{ $topic }” has { $count ->
    [one] only { $count } question
   *[other] only { $count } questions
  } for a quiz.
