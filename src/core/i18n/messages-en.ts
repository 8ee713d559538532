/** English interface strings (Fluent syntax). */
export default `
source-line = Source: “{ $title }”, { $date }, section “{ $section }”, paragraph { $paragraph }
yes = Yes.
no = No.
unsure-intro = I'm not sure I understood. My best guess:
did-you-mean = Did you mean:
unknown-empty = Please type a question about Kazakhstan's 2022–2023 reforms.
unknown-too-long = That message is too long for me ({ $length } characters). Please ask one short question.
unknown = I don't know: my source, “{ $title }” ({ $date }), does not say. I can answer questions about the January 2022 events, the referendum, the reforms, the economy and relations with Russia.
try-asking = Try:
calendar-intro = What happened { $when }:
calendar-none = My source has no event dated { $when }.
calendar-nearest = The nearest dated events:
on-this-day-none = Nothing in my source happened on { $when }.
`;
