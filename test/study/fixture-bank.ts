/**
 * A small quiz bank for tests that need exact items (the real bank's items change as writers edit them).
 * Every item here passes the bank's rules (quiz-rules.test.ts checks that), and they are about real facts.
 */
import type { Fact } from '../../src/core/facts/schema.js';
import type { QuizItem } from '../../src/core/study/quiz-bank-schema.js';

type Text = QuizItem['en'];
const t = (question: string, answer: string, distractors: [string, string, string], explanation: string): Text => ({ question, answer, distractors, explanation });

/** The referendum's date: a well-formed date item. */
export const referendumDate: QuizItem = {
  id: 'fx-referendum-date',
  fact: 'referendum-june-5',
  also: ['referendum-main-changes'],
  kind: 'date',
  difficulty: 1,
  topic: 'referendum',
  en: t(
    'On what day did Kazakhstan vote on the constitutional amendments?',
    'June 5, 2022',
    ['March 16, 2022', 'May 25, 2022', 'September 21, 2022'],
    'Voters approved changes that ended the death penalty for good and brought back the Constitutional Court.',
  ),
  ru: t(
    'В какой день Казахстан голосовал по поправкам к Конституции?',
    '5 июня 2022 года',
    ['16 марта 2022 года', '25 мая 2022 года', '21 сентября 2022 года'],
    'Граждане одобрили изменения: смертную казнь отменили окончательно, а Конституционный суд восстановили.',
  ),
  kk: t(
    'Қазақстан Конституцияға түзетулер бойынша қай күні дауыс берді?',
    '2022 жылғы 5 маусым',
    ['2022 жылғы 16 наурыз', '2022 жылғы 25 мамыр', '2022 жылғы 21 қыркүйек'],
    'Азаматтар өлім жазасын біржола жоюды және Конституциялық сотты қайта құруды қолдады.',
  ),
};

/** The referendum's share: qualified numbers whose ranges exclude each other. */
export const referendumShare: QuizItem = {
  id: 'fx-referendum-share',
  fact: 'referendum-more-than-70-percent',
  kind: 'number',
  difficulty: 2,
  topic: 'referendum',
  en: t(
    'What share of voters backed the constitutional amendments in June 2022?',
    'more than 70%',
    ['less than half', 'about a third', 'exactly 50%'],
    'A clear majority approved the package, which Tokayev called the beginning of reform rather than its end.',
  ),
  ru: t(
    'Какая доля голосовавших поддержала поправки к Конституции в июне 2022 года?',
    'более 70%',
    ['менее половины', 'около трети', 'ровно 50%'],
    'Пакет одобрило явное большинство, а Токаев назвал итог началом реформ, а не их завершением.',
  ),
  kk: t(
    'Конституцияға түзетулерді 2022 жылғы маусымда дауыс бергендердің қандай үлесі қолдады?',
    '70%-дан астам',
    ['жартысынан аз', 'үштен бірі шамасында', 'дәл 50%'],
    'Түзетулерді айқын көпшілік мақұлдады, ал Тоқаев бұл реформаның соңы емес, басы екенін айтты.',
  ),
};

/** Where Tokayev met Putin in February 2022: a place item. */
export const moscowTalks: QuizItem = {
  id: 'fx-putin-talks-place',
  fact: 'tokayev-putin-talks-moscow',
  kind: 'place',
  difficulty: 2,
  topic: 'russia-relations',
  en: t(
    'Where did Tokayev hold talks with Putin on February 10, 2022?',
    'Moscow',
    ['Kazan', 'St. Petersburg', 'Almaty'],
    'It was the first day of a two-day visit planned long before the January unrest; the next day he went on to Kazan.',
  ),
  ru: t(
    'Где Токаев провёл переговоры с Путиным 10 февраля 2022 года?',
    'в Москве',
    ['в Казани', 'в Санкт-Петербурге', 'в Алма-Ате'],
    'Это был первый день двухдневного визита, задуманного задолго до январских беспорядков; на следующий день он поехал в Казань.',
  ),
  kk: t(
    'Тоқаев Путинмен 2022 жылғы 10 ақпанда қай қалада келіссөз жүргізді?',
    'Мәскеуде',
    ['Қазанда', 'Санкт-Петербургте', 'Алматыда'],
    'Бұл қаңтар оқиғаларынан әлдеқайда бұрын жоспарланған екі күндік сапардың бірінші күні еді; келесі күні ол Қазанға барды.',
  ),
};

/** The extraordinary address: a date item of another event, another topic. */
export const addressDate: QuizItem = {
  id: 'fx-address-date',
  fact: 'extraordinary-address-march-16-2022',
  kind: 'date',
  difficulty: 1,
  topic: 'political-reform',
  en: t(
    'When did Tokayev deliver the address that proposed leaving the super-presidential model?',
    'March 16, 2022',
    ['June 5, 2022', 'January 5, 2022', 'May 16, 2022'],
    'In it he blamed the January tragedy partly on power gathered in one pair of hands, which let insiders and oligarchs thrive.',
  ),
  ru: t(
    'Когда Токаев выступил с посланием, предложившим отказ от суперпрезидентской модели?',
    '16 марта 2022 года',
    ['5 июня 2022 года', '5 января 2022 года', '16 мая 2022 года'],
    'В нём он связал январскую трагедию с сосредоточением власти в одних руках, которое было выгодно приближённым и олигархам.',
  ),
  kk: t(
    'Тоқаев суперпрезиденттік үлгіден бас тартуды ұсынған жолдауын қашан жасады?',
    '2022 жылғы 16 наурыз',
    ['2022 жылғы 5 маусым', '2022 жылғы 5 қаңтар', '2022 жылғы 16 мамыр'],
    'Онда ол қаңтар қасіретін биліктің бір қолға шоғырлануымен байланыстырды, бұл жақындары мен олигархтарға тиімді болған.',
  ),
};

/** Who opened the round table: a person item in the elections topic. */
export const roundTableHost: QuizItem = {
  id: 'fx-round-table-host',
  fact: 'kosherbayev-opened-round-table',
  also: ['kosherbayev-ambassador'],
  kind: 'person',
  difficulty: 3,
  topic: 'elections',
  en: t(
    'Who opened the Moscow round table on the results of the 2023 vote?',
    'Yermek Kosherbayev',
    ['Alexander Kobrinsky', 'Nursultan Nazarbayev', 'Vladimir Putin'],
    "He is Kazakhstan's ambassador to Russia, and the meeting at the embassy gathered Duma deputies, scholars and experts.",
  ),
  ru: t(
    'Кто открыл в Москве круглый стол об итогах голосования 2023 года?',
    'Ермек Кошербаев',
    ['Александр Кобринский', 'Нурсултан Назарбаев', 'Владимир Путин'],
    'Он посол Казахстана в России; на встречу в посольстве пришли депутаты Думы, учёные и эксперты.',
  ),
  kk: t(
    '2023 жылғы дауыс беру нәтижелеріне арналған Мәскеудегі дөңгелек үстелді кім ашты?',
    'Ермек Көшербаев',
    ['Александр Кобринский', 'Нұрсұлтан Назарбаев', 'Владимир Путин'],
    'Ол Қазақстанның Ресейдегі елшісі; елшіліктегі жиынға Дума депутаттары, ғалымдар мен сарапшылар қатысты.',
  ),
};

/** Every fixture item. */
export const FIXTURE_BANK: QuizItem[] = [referendumDate, referendumShare, moscowTalks, addressDate, roundTableHost];

/**
 * A bank with volume, for tests of session mechanics that need many questions (30 in a session, a topic with
 * five): the fixture items, then up to `perTopic` items per topic on real facts of that topic, events taking
 * turns. Their texts are placeholders ("Practice question 7 …"), not teaching material.
 */
export function volumeBank(facts: readonly Fact[], perTopic = 6): QuizItem[] {
  const used = new Set(FIXTURE_BANK.map((i) => i.fact));
  const out: QuizItem[] = [...FIXTURE_BANK];
  const topics = [...new Set(facts.flatMap((f) => f.topics))].filter((t) => t !== 'article');
  for (const topic of topics) {
    const byEvent = new Map<string, Fact[]>();
    for (const f of facts) if (f.topics.includes(topic) && !used.has(f.id)) byEvent.set(f.event ?? f.id, [...(byEvent.get(f.event ?? f.id) ?? []), f]);
    const queues = [...byEvent.values()];
    let taken = 0;
    for (let round = 0; taken < perTopic && queues.some((q) => q.length > round); round++)
      for (const q of queues) {
        const f = q[round];
        if (!f || taken >= perTopic) continue;
        used.add(f.id);
        taken += 1;
        const n = out.length + 1;
        const text = (question: string, answer: string, wrong: string): QuizItem['en'] => ({
          question: `${question} ${n}?`,
          answer: `${answer} ${n}`,
          distractors: [`${wrong} ${n}a`, `${wrong} ${n}b`, `${wrong} ${n}c`],
          explanation: `${answer} ${n}: ${f.title.en}.`,
        });
        out.push({
          id: `vol-${n}`,
          fact: f.id,
          kind: (['statement', 'measure', 'cause'] as const)[n % 3]!,
          difficulty: ((n % 3) + 1) as 1 | 2 | 3,
          topic,
          en: text('Practice question', 'Right', 'Wrong'),
          ru: text('Учебный вопрос', 'Верно', 'Неверно'),
          kk: text('Жаттығу сұрағы', 'Дұрыс', 'Қате'),
        });
      }
  }
  return out;
}
