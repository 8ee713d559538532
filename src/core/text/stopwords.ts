/**
 * Function words that carry no topic: question words, articles, pronouns, auxiliaries, particles.
 * Question words are still read by the question-type detector before they are dropped here.
 */
const EN = `a an the and or but if of to in on at by for with from into onto about as than then so such this that these those
it its it's is are was were be been being am do does did doing done have has had having will would shall should can could may might must
i me my we our us you your he him his she her they them their there here what which who whom whose when where why how whats
not no yes any some all each every both either neither other another more most much many very just also too only even still yet
tell say said says please know let lets me explain describe give name according article's s t d ll ve re m did dont doesnt didnt
whats wich wat wht hw whos wen wher whn mean means meant call called calls think thinks consider considers regard view sound sounds
kind sort type way ways thing things happen happened ever really actually exactly
going gonna get gets got getting simply just able need needs needed under over among within whether
yo guy guys dude bro lol lmao pls plz btw kinda sorta nah yeah yep hey hmm um uh ok okay wanna`;
const RU = `а и или но если то что чтобы как так же ли бы не ни да нет в во на с со к ко по о об от до из у за под над при про для без через между
это этот эта эти тот та те то его ее её их им ими ему ей они он она оно мы вы я ты меня мне нас нам вас вам
был была было были быть есть будет будут является являются кто кого кому кем чем что чего чему где куда когда почему зачем какой какая какое какие
каким какого какой каком каких сколько ли разве ведь уже еще ещё только также тоже все всё всех весь вся очень можно нужно сказал сказала
скажи расскажи подскажи пожалуйста говорит говорил словам мнению согласно по-моему ну вот там тут здесь
звучит означает значит считает считают думает именно вообще какого каком какую
может могут мог могла могли можно просто собирается собираются собирался будет будут нужно надо разве
такой такая такое такие таков который которая которое которые которых которым которой котором которую чё че типа короче ваще слышь слушай блин вообще-то`;
const KK = `және мен бен пен да де та те ма ме ба бе па пе ғой қой ол бұл осы сол не кім қай қашан қайда неге неше қанша қандай қалай
бар жоқ еді екен деп деді білдіреді дегеніміз дегені деген керек мүмкін ғой шығар айтты айтқан айтуынша сөзінше бойынша туралы үшін арқылы дейін кейін бірақ немесе әлде ғана да
мен сен біз сіз олар оның осының бұның мұнда онда қандай қаншалықты болды болған болады ме ма ба бе па пе`;

/** Stop words of every language in one set (the languages do not clash). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  [EN, RU, KK].flatMap((s) => s.split(/\s+/)).filter(Boolean),
);
