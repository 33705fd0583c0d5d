/** The words the synthetic corpus is written with: tags, bylines, outlets, news prose, jargon and code. */

/** 60 tags, most common first: the Zipf sampler makes the first few very frequent and the tail rare. */
export const CORPUS_TAGS: readonly string[] = [
  'AI', 'Security', 'Cloud', 'Policy', 'Networking', 'Fintech', 'Open Source', 'Semiconductors', 'Privacy', 'Startups',
  'Regulation', 'Machine Learning', 'Mobile', 'Data Centers', 'Cybercrime', 'Europe', 'Enterprise', 'Developer Tools', '5G', 'Quantum Computing',
  'Payments', 'Hardware', 'Energy', 'Space', 'Robotics', 'Climate Tech', 'Crypto', 'Browsers', 'Linux', 'Supply Chain',
  'Identity', 'Ransomware', 'Japan', 'China', 'India', 'Antitrust', 'Social Media', 'Streaming', 'Gaming', 'Automotive',
  'Batteries', 'Health Tech', 'Education', 'Labor', 'E-commerce', 'Advertising', 'Databases', 'Kubernetes', 'Rust', 'WebAssembly',
  'Wi-Fi', 'Satellites', 'Subsea Cables', 'Chips Act', 'Accessibility', 'Open Data', 'Elections', 'Deepfakes', 'Wearables', 'Smart Home',
];

export const AUTHORS: readonly string[] = [
  'Mariko Tanaka', 'Daniel Okafor', 'Priya Raman', 'Lena Fischer', 'Tomás Herrera', 'Grace Liu', 'Samuel Adeyemi', 'Ingrid Johansson',
  'Rafael Costa', 'Aisha Karim', 'Jonas Weber', 'Chloé Martin', 'Kenji Watanabe', 'Olivia Brennan', 'Mateo Rossi', 'Hannah Schultz',
  'Yusuf Demir', 'Sofia Lindqvist', 'Arjun Mehta', 'Nora Haddad', 'Ethan Park', 'Zanele Dlamini', 'Lucas Moreau', 'Ewa Nowak',
  'Diego Alvarez', 'Mei Chen', 'Oskar Nilsson', 'Fatima Zahra', 'Liam Gallagher', 'Ana Petrović', 'Newsdesk Staff', 'Ravi Iyer',
  'Clara Becker', 'Hiro Sato', 'Julia Santos', 'Kwame Mensah', 'Elif Yılmaz', 'Patrick Doyle', 'Sara Cohen', 'Viktor Horvat',
];

export const PUBLISHERS: readonly string[] = [
  'The Register', 'Ars Technica', 'Wired', 'The Verge', 'Reuters', 'Nikkei Asia', 'Heise', 'Rest of World', 'TechCrunch', 'Bloomberg',
  'Financial Times', 'Light Reading', 'BleepingComputer', 'IEEE Spectrum', 'Le Monde', 'Tortoise Media',
];

export const ORGS: readonly string[] = [
  'Regulators', 'Carriers', 'Chipmakers', 'Banks', 'Researchers', 'Startups', 'Cloud providers', 'Hospitals', 'Universities', 'Cities',
  'Insurers', 'Retailers', 'Automakers', 'Broadcasters', 'Governments', 'Developers', 'Operators', 'Investors', 'Open-source maintainers', 'Lawmakers',
];

export const HEADLINE_VERBS: readonly string[] = [
  'bet on', 'push back on', 'rethink', 'race to adopt', 'quietly abandon', 'test', 'struggle with', 'double down on', 'scrutinise', 'rebuild',
  'fund', 'weigh', 'pause', 'expand', 'open up', 'standardise', 'audit', 'consolidate', 'price in', 'hedge against',
];

// Content words of everyday news prose, most common first (drawn with a Zipf law, as words are in real text).
export const GENERAL = (
  'company companies year market data people users service services system systems new first last report reports ' +
  'plan plans government industry customers network security cost costs price prices growth according percent ' +
  'launch launched announced million billion team teams world global early later public private major small large ' +
  'product products platform platforms software hardware model models rules law laws country countries region ' +
  'investment investors deal deals partner partners support access infrastructure technology technologies research ' +
  'analysts executives officials experts engineers staff group groups business businesses decision decisions policy ' +
  'risk risks problem problems change changes pressure demand supply capacity traffic outage outages incident ' +
  'response program pilot rollout update updates release version standard standards framework compliance budget ' +
  'revenue profit loss losses quarter month week day today future past recent current key critical important clear ' +
  'strong weak fast slow open closed local national international european american asian digital online ' +
  'physical remote mobile central independent smaller larger biggest leading existing previous upcoming ' +
  'build building built move moved expect expected show showed shows found find keep kept start started ' +
  'continue continued increase increased reduce reduced allow allowed require required offer offered ' +
  'help helped create created provide provided remain remained become include included including run running ' +
  'face faced raise raised cut cuts spend spending hire hiring warn warned argue argued claim claims ' +
  'question questions answer evidence study studies survey result results figure figures number numbers ' +
  'office offices site sites center centers city cities community communities school schools hospital hospitals ' +
  'contract contracts vendor vendors supplier suppliers chip chips device devices phone phones app apps ' +
  'account accounts password passwords payment payments bank banks card cards fraud scam scams attack attacks ' +
  'attacker attackers breach breaches patch patches bug bugs flaw flaws tool tools code developers open-source ' +
  'license licenses court courts case cases ruling fine fines complaint complaints regulator regulators agency'
).split(' ');

// Function words: real prose is about half of these, and they shape the Markdown engine's workload.
export const FUNCTION_WORDS = (
  'the of and to a in that is for on with as was it by at from this be are have has not but an or which their ' +
  'they its more than been will would can about also after who into over two three some most while could other'
).split(' ');

// Specialist vocabulary: each tag is given its own slice, so articles sharing a tag share distinctive terms.
const SPECIALIST = (
  'transformer inference tokens gpu accelerator finetuning benchmark hallucination agent embeddings ' +
  'vulnerability exploit zero-day phishing malware firewall encryption certificate sandbox telemetry ' +
  'hyperscaler region serverless egress tenancy workload autoscaling migration outage-report latency ' +
  'legislation consultation directive enforcement lobbying white-paper ministry parliament treaty mandate ' +
  'spectrum backhaul fibre peering router packet bandwidth handover antenna throughput ' +
  'lending ledger settlement onboarding neobank remittance underwriting stablecoin interchange custody ' +
  'maintainer repository fork contributor governance licensing upstream pull-request changelog foundation ' +
  'wafer foundry lithography nanometre packaging yield fab substrate chiplet interconnect ' +
  'tracking consent cookies anonymisation surveillance profiling data-broker retention biometrics opt-out ' +
  'founders seed-round valuation accelerator-programme runway pivot unicorn acquisition layoffs term-sheet ' +
  'guidance sanction watchdog investigation auditor rulebook filing disclosure penalty oversight ' +
  'training-data gradient classifier dataset overfitting labelling feature-store evaluation pipeline drift ' +
  'handset android ios battery-life modem foldable app-store sideloading carrier-lock firmware ' +
  'cooling megawatt colocation rack hyperscale water-use grid-connection substation floor-space campus ' +
  'extortion darknet botnet mule laundering cybergang takedown indictment phishing-kit credential-stuffing ' +
  'brussels commission member-states single-market schengen eurozone strasbourg gdpr dma dsa ' +
  'procurement erp mainframe vendor-lock crm integration consultancy digital-transformation middleware sla ' +
  'compiler debugger ide linter build-system package-manager terminal refactoring profiler ci-pipeline ' +
  'standalone slicing mmwave small-cells core-network open-ran base-station 3gpp roaming private-network ' +
  'qubit error-correction superconducting entanglement cryogenic annealing post-quantum photonic coherence logical-qubit'
).split(' ');

// A long tail of rarer words (names, jargon, places), made from syllables: real archives of a few thousand
// articles hold tens of thousands of distinct words, which is what search indexes and term statistics scale with.
const SYLLABLES = 'ka ro ven tel mi sar dor lin qua ex bri nof tor ela ush pim gra zo det cul wen hax ri mon pel sto vai jun ber lo cam nix tha ord fe gul ys tri'.split(' ');
export const LEXICON_SIZE = 40_000;
const lexicon: string[] = [];
export function rareWord(rank: number): string {
  let word = lexicon[rank];
  if (word === undefined) {
    word = '';
    let n = rank + SYLLABLES.length;
    while (n > 0) {
      word += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    }
    lexicon[rank] = word;
  }
  return word;
}

const TERMS_PER_TAG = 6;
export const tagTerms = (tagIndex: number): string[] =>
  Array.from({ length: TERMS_PER_TAG }, (_, k) => SPECIALIST[(tagIndex * TERMS_PER_TAG + k) % SPECIALIST.length]!);

export const LANGUAGES: ReadonlyArray<[string, readonly string[]]> = [
  ['bash', ['curl -sSf https://example.org/install.sh | sh', 'export API_TOKEN="…"', 'kubectl get pods --all-namespaces', 'openssl s_client -connect example.org:443', 'git log --oneline | head']],
  ['ts', ['const client = createClient({ region: "eu-west-1" });', 'await client.rotateKeys();', 'if (!response.ok) throw new Error(response.statusText);', 'export const limit = 50;', 'for (const item of items) queue.push(item);']],
  ['python', ['import numpy as np', 'model = load_model("baseline")', 'scores = model.predict(batch)', 'print(f"{accuracy:.2%}")', 'for row in rows: writer.writerow(row)']],
];
