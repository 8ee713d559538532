/** English interface strings (Fluent syntax). */
export default `
source-line = Source: “{ $title }”, { $date }, section “{ $section }”, paragraph { $paragraph }
yes = Yes.
no = No.
unsure-note = I'm not sure this is what you asked.
did-you-mean = Did you mean:
unknown-empty = Please type a question about Kazakhstan's 2022–2023 reforms.
unknown-too-long = That message is too long for me ({ $length } characters). Please ask one short question.
unknown = I don't know: my source, “{ $title }” ({ $date }), does not say. I can answer questions about the January 2022 events, the referendum, the reforms, the economy and relations with Russia.
try-asking = Try:
calendar-intro = What happened { $when }:
calendar-none = My source has no event dated { $when }.
calendar-nearest = The nearest dated events:
on-this-day-none = Nothing in my source happened on { $when }.
welcome = Hello! I answer questions about Kazakhstan's 2022–2023 political reforms, citing my source, the article “{ $title }” ({ $date }). Ask me anything, in English, Russian or Kazakh.
help-intro = Ask me a question in plain words, for example “When was the referendum?” or “Что изменил референдум?”. I answer from one source and say so when it is silent.
help-commands = Commands:
help-group = In a group, use /ask followed by your question, mention me, or reply to one of my messages.
help-group-telegram = In a group I only see commands, mentions of me and replies to my messages (Telegram's privacy mode), so use /ask followed by your question, mention me, or reply to me.
topics-intro = Here is what I know about. Pick a topic:
topic-questions = { $topic }: questions you can ask
ask-usage = Write your question after the command, for example: /ask when was the referendum?
rate-limited = You are asking very fast. Please wait { $seconds } s and ask again.
error-apology = Sorry, something went wrong on my side. Please try again in a moment.
unknown-command = I don't know that command. Type /help to see what I can do.
related-questions = Related questions:
gap = My source does not say { $about }. What it does say: { $answer }
admin-only = Only members who can manage this server may use this command.
button-expired = This button is out of date. Please ask again.
date-label = Date
`;
