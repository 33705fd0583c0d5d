import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/lib/stories/names.ts';
import { placesIn, placesInCjk, placesNamed } from '../../../src/lib/stories/places.ts';
import { tokenize } from '../../../src/lib/text/tokenizer.ts';

const places = (text: string) => [...placesIn([scanText(text)])].sort();

describe('the places a text names', () => {
  it('reads a country in its name, its demonym, its capital and its possessive as one place', () => {
    expect(places('Danish regulator')).toEqual(['DK']);
    expect(places('Copenhagen watchdog')).toEqual(['DK']);
    expect(places("Denmark's Financial Supervisory Authority")).toEqual(['DK']);
    expect(places('the Kingdom of Denmark')).toEqual(['DK']);
    expect(places('a Copenhagen-based lender')).toEqual(['DK']);
  });

  it('reads names of several words whole, and the longest that fits', () => {
    expect(places('South Korean regulator')).toEqual(['KR']);
    expect(places('Seoul fines Corvane')).toEqual(['KR']);
    expect(places('North Korean hackers')).toEqual(['KP']);
    expect(places('the United States of America')).toEqual(['US']);
  });

  it('reads a capital as writers do: Washington, not Washington D.C.', () => {
    expect(places('Washington bans the chips')).toEqual(['US']);
  });

  it('reads a capital inside a longer name as part of it, and a capital standing alone as the place', () => {
    expect(places('Shares of Morgan Stanley rose after the Washington Post reported quarterly earnings')).toEqual([]);
    expect(places('Tokyo Electron, Kingston Technology and William Hague spoke about chips and memory prices at the Bank of London dinner')).toEqual([]);
    expect(places('Washington said the Copenhagen watchdog and a Tokyo-based bank met in New Delhi')).toEqual(['DK', 'IN', 'JP', 'US']);
    expect(places('Brussels fines Tessaly as Tokyo and Seoul look on')).toEqual(['BE', 'EU', 'JP', 'KR']);
  });

  it('reads a country that is also a given name, followed by another name, as a person or an organisation', () => {
    expect(places('Jordan Peterson and Chad Smith spoke at a conference held at Georgia Tech, the magazine India Today reported')).toEqual([]);
    expect(places("Victoria's Secret opened a store")).toEqual([]);
    expect(places('USA Today and the Japan Times reported it')).toEqual([]);
  });

  it('reads such a country after a given name as a surname', () => {
    expect(places('Michael Jordan and Vernon Jordan backed the fund')).toEqual([]);
    expect(places('the King of Jordan met the governor of the Jordan Central Bank in Amman')).toEqual(['JO']);
    const headline = scanText('Michael Jordan Backs Sports Streaming Startup');
    expect([...placesIn([headline], new Set(), new Set(['michael jordan']))]).toEqual([]);
    expect([...placesIn([scanText('Biden Visits Jordan Amid Talks')])]).toEqual(['JO']);
  });

  it('still reads such a country standing alone, with a possessive, in a list, or naming its state', () => {
    expect(places("Jordan's central bank and Georgia's parliament")).toEqual(['GE', 'JO']);
    expect(places("India and Japan signed a deal with Chad's government")).toEqual(['IN', 'JP', 'TD']);
    expect(places('the Jordan Armed Forces, the Georgia Parliament and the Israel Defense Forces')).toEqual(['GE', 'IL', 'JO']);
    expect(places('Victoria and Mahé')).toEqual(['SC']);
  });

  it('in a Title Case headline, reads a country as part of a person\'s name only when the article gives that name', () => {
    const headline = scanText('Jordan Peterson Sues Publisher Over Contract Terms');
    expect([...placesIn([headline], new Set(), new Set(['jordan peterson']))]).toEqual([]);
    expect([...placesIn([scanText('India Fines Google Over Android Market Abuse')])]).toEqual(['IN']);
  });

  it('reads a capital naming its court, exchange or police as the place', () => {
    expect(places('the Tokyo District Court ruled as the Tokyo Stock Exchange opened')).toEqual(['JP']);
    expect(places('the Seoul Central District Court and the Seoul High Court')).toEqual(['KR']);
    expect(places('London Metropolitan Police')).toEqual(['GB']);
    const headline = scanText('Tokyo District Court Orders Corvane To Pay Damages');
    expect([...placesIn([headline], new Set(), new Set(['tokyo district court']))]).toEqual(['JP']);
  });

  it('in a Title Case headline, reads a capital as part of a longer name only when the article gives that name', () => {
    const headline = scanText('Morgan Stanley Fined By Japanese Regulator As Washington Weighs Rules');
    expect([...placesIn([headline], new Set(), new Set(['morgan stanley', 'washington']))].sort()).toEqual(['JP', 'US']);
    expect([...placesIn([headline])].sort()).toEqual(['FK', 'JP', 'US']);
  });

  it('takes the EU and Brussels for one place, Brussels for Belgium too', () => {
    expect(places('EU orders Tessaly to unbundle')).toEqual(['EU']);
    expect(places('Brussels forces Tessaly')).toEqual(['BE', 'EU']);
    expect(places('the European Commission')).toEqual(['EU']);
  });

  it('reads the names news gives that the data lacks: Korea is South Korea, Britain the UK, the Hague the Netherlands', () => {
    expect(places('Korean regulators and the Korea Fair Trade Commission')).toEqual(['KR']);
    expect(places('North Korean hackers')).toEqual(['KP']);
    expect(places('Britain and Great Britain')).toEqual(['GB']);
    expect(places("The Hague's court")).toEqual(['NL']);
  });

  it('reads US and UK written in capitals, but no other two-letter code and no lower-case word', () => {
    expect(places('the US and the UK')).toEqual(['GB', 'US']);
    expect(places('AI chips for IT teams with an ID check')).toEqual([]);
    expect(places('tell us about french fries and china plates')).toEqual([]);
  });
});

describe('a name read from a headline', () => {
  it('is a place when the whole name is one', () => {
    expect(placesNamed('south korean')).toEqual(['KR']);
    expect(placesNamed('berlin')).toEqual(['DE']);
    expect(placesNamed('eu')).toEqual(['EU']);
  });

  it('is no place when it only holds one', () => {
    expect(placesNamed('halvorsen bank')).toBeUndefined();
    expect(placesNamed('danish fsa')).toBeUndefined();
  });
});

describe('the places Chinese, Japanese or Korean text names', () => {
  const cjkPlaces = (text: string) => [...placesInCjk(text, tokenize(text))].sort();

  it('reads the names the data gives in each language, and 米国, which Japanese news writes for the US', () => {
    expect(cjkPlaces('米国とドイツ、英国、日本政府、韓国公取委')).toEqual(['DE', 'GB', 'JP', 'KR', 'US']);
    expect(cjkPlaces('美国商务部对韩国和德国实施出口管制')).toEqual(['DE', 'KR', 'US']);
  });

  it('reads a Korean name with the particle written onto it, but not an everyday word that is also a name', () => {
    expect(cjkPlaces('한국은 독일과 미국의 조치를 비판했다')).toEqual(['DE', 'KR', 'US']);
    expect(cjkPlaces('조선 업계는 새로운 수단을 찾았다')).toEqual([]);
    expect(cjkPlaces('오만한 태도로 피지 관리와 타이 매는 법을 말리는 사람')).toEqual([]);
  });

  it('reads the EU as its English name is read, in each language', () => {
    expect(cjkPlaces('欧盟对Velora处以罚款')).toEqual(['EU']);
    expect(cjkPlaces('欧州委員会、米国企業に制裁金')).toEqual(['EU', 'US']);
    expect(cjkPlaces('유럽연합은 한국 기업에 과징금')).toEqual(['EU', 'KR']);
  });

  it('reads a Korean name with two particles written onto it', () => {
    expect(cjkPlaces('독일에서도 벨로라에 과징금')).toEqual(['DE']);
    expect(cjkPlaces('중국과의 협상, 미국에서는 반발')).toEqual(['CN', 'US']);
  });

  it('reads the one-character abbreviations Japanese news gives countries before a government, company or summit', () => {
    expect(cjkPlaces('米政府は独企業と英当局、仏政府、露軍、豪首相を挙げた')).toEqual(['AU', 'DE', 'FR', 'GB', 'RU', 'US']);
    expect(cjkPlaces('中当局が韓政府に要請')).toEqual(['CN', 'KR']);
  });

  it('reads two or three such abbreviations written together as those countries', () => {
    expect(cjkPlaces('日米首脳会談で合意')).toEqual(['JP', 'US']);
    expect(cjkPlaces('米中対立が深まる')).toEqual(['CN', 'US']);
    expect(cjkPlaces('日韓関係の改善')).toEqual(['JP', 'KR']);
    expect(cjkPlaces('日米韓の首脳')).toEqual(['JP', 'KR', 'US']);
    expect(cjkPlaces('日中関係が悪化')).toEqual(['CN', 'JP']);
  });

  it('reads an abbreviation before a foreign name, as Japanese news names a foreign company', () => {
    expect(cjkPlaces('米アップルは新型を発表、英アームと韓サムスン電子も')).toEqual(['GB', 'KR', 'US']);
    expect(cjkPlaces('独シーメンスと提携')).toEqual(['DE']);
  });

  it('reads no country in 中 or 日 before a foreign word: medium-sized, a broadcaster', () => {
    expect(cjkPlaces('中サイズの箱と日テレの番組')).toEqual([]);
  });

  it('reads the country after a word of travel or stance: visits, relations, forces stationed there', () => {
    expect(cjkPlaces('首相が訪米した')).toEqual(['US']);
    expect(cjkPlaces('対中輸出規制を強化')).toEqual(['CN']);
    expect(cjkPlaces('在日米軍の基地')).toEqual(['JP', 'US']);
    expect(cjkPlaces('来日したCEOと駐日大使')).toEqual(['JP']);
    expect(cjkPlaces('反米感情')).toEqual(['US']);
  });

  it('reads no country in 在中, "enclosed" on an envelope', () => {
    expect(cjkPlaces('履歴書在中')).toEqual([]);
  });

  it("reads Chinese news's pairs of countries, however the words are split, but not an idiom", () => {
    expect(cjkPlaces('中美关系紧张')).toEqual(['CN', 'US']);
    expect(cjkPlaces('美中关系')).toEqual(['CN', 'US']);
    expect(cjkPlaces('俄美会谈')).toEqual(['RU', 'US']);
    expect(cjkPlaces('美中不足的是')).toEqual([]);
  });

  it('reads a date, not Japan, in the 日 of "8日", and the abbreviations after it', () => {
    expect(cjkPlaces('8日米中首脳会談が開かれた')).toEqual(['CN', 'US']);
    expect(cjkPlaces('8日米政府は発表した')).toEqual(['US']);
  });

  it('reads no country in ordinary words that hold those characters', () => {
    expect(cjkPlaces('今日中に中心街で日本語の中小企業の米価格')).toEqual([]);
    expect(cjkPlaces('日中は暑い。中日新聞と中日ドラゴンズ、中米諸国')).toEqual([]);
    expect(cjkPlaces('日英翻訳と英仏語の教材、米独立記念日、集中豪雨')).toEqual([]);
    expect(cjkPlaces('開発中の企業と同日政府は、大カテゴリ・中カテゴリ')).toEqual([]);
  });

  it('reads whole words only: タイトル (title) does not name タイ (Thailand)', () => {
    expect(cjkPlaces('新しいタイトル')).toEqual([]);
    expect(cjkPlaces('タイの銀行')).toEqual(['TH']);
  });
});
