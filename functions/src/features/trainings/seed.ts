/**
 * The demo ward's training catalogue (T1): about 220 trainings for one fiscal year, titles made from
 * parts (topics of the skill pyramid of seed 001 and the five DX skills at LV1-LV3 of seed 004, with
 * variants such as 基礎・応用・実践), runs spread from April to February on weekdays. Deterministic
 * (same year, same catalogue) and written through the store's own path (putTraining), so versions
 * are what HR's edits would leave; seeding twice replaces the same ids.
 */
import type { DxSkill } from '../../../../src/domain/dx-skills';
import type { JobLevel } from '../../../../src/domain/org';
import type {
  DxLevel,
  RunInput,
  TrainingArea,
  TrainingInput,
  TrainingKind,
  TrainingProvider,
} from '../../../../src/domain/trainings';
import type { ServerStores } from '../stores';

interface Topic {
  title: string;
  area: TrainingArea;
  variants: readonly string[];
  provider?: TrainingProvider;
  kind?: TrainingKind;
  levels?: readonly JobLevel[];
  approval?: boolean;
  dx?: { skill: DxSkill; level: DxLevel };
}

const V3 = ['基礎', '応用', '実践'] as const;
const V2 = ['基礎', '実践'] as const;

const TOPICS: readonly Topic[] = [
  // スタンス
  {
    title: '新規採用職員研修',
    area: 'stance',
    variants: ['（前期）', '（後期）'],
    kind: 'mandatory',
    levels: ['主事', '係員'],
  },
  {
    title: '主任昇任者研修',
    area: 'stance',
    variants: [''],
    kind: 'mandatory',
    levels: ['主任'],
    provider: 'tokubetsuku',
  },
  {
    title: '係長昇任者研修',
    area: 'stance',
    variants: [''],
    kind: 'mandatory',
    levels: ['係長級'],
    provider: 'tokubetsuku',
  },
  {
    title: '課長補佐研修',
    area: 'stance',
    variants: [''],
    kind: 'mandatory',
    levels: ['課長補佐級'],
    provider: 'tokubetsuku',
  },
  {
    title: '新任管理職研修',
    area: 'stance',
    variants: [''],
    kind: 'mandatory',
    levels: ['課長級', '部長級'],
    provider: 'tokubetsuku',
  },
  { title: '公務員倫理・コンプライアンス研修', area: 'stance', variants: ['', '（管理監督者編）'] },
  { title: '人権研修', area: 'stance', variants: ['', '（職場の人権）'] },
  { title: 'ハラスメント防止研修', area: 'stance', variants: ['', '（管理職向け）'] },
  { title: 'メンタルヘルス研修', area: 'stance', variants: ['（セルフケア）', '（ラインケア）'] },
  { title: 'キャリアデザイン研修', area: 'stance', variants: ['（20代）', '（30代）', '（40代）', '（50代）'] },
  { title: '接遇・マナー研修', area: 'stance', variants: ['', '（電話応対）'] },
  { title: '男女共同参画研修', area: 'stance', variants: [''] },
  { title: '次世代リーダー養成塾', area: 'stance', variants: [''], kind: 'nominated', approval: true },
  { title: '自治体経営塾', area: 'stance', variants: [''], kind: 'nominated', provider: 'tokubetsuku' },
  // ポータブルスキル：対人力
  { title: 'ファシリテーション研修', area: 'interpersonal', variants: V3 },
  { title: 'プレゼンテーション研修', area: 'interpersonal', variants: V2 },
  { title: '交渉力向上研修', area: 'interpersonal', variants: V2, provider: 'tokubetsuku' },
  { title: 'コーチング研修', area: 'interpersonal', variants: V2 },
  { title: 'クレーム対応研修', area: 'interpersonal', variants: ['', '（窓口編）', '（電話編）'] },
  { title: '部下育成・OJT研修', area: 'interpersonal', variants: [''], levels: ['係長級', '課長補佐級'] },
  { title: 'チームビルディング研修', area: 'interpersonal', variants: [''] },
  { title: 'わかりやすい説明力向上研修', area: 'interpersonal', variants: [''] },
  { title: 'アサーティブ・コミュニケーション研修', area: 'interpersonal', variants: [''] },
  { title: '区民協働・合意形成研修', area: 'interpersonal', variants: V2 },
  { title: '外国人区民対応研修（やさしい日本語）', area: 'interpersonal', variants: [''] },
  { title: '手話入門講座', area: 'interpersonal', variants: ['（初級）', '（中級）'] },
  // ポータブルスキル：対課題力
  { title: '政策形成研修', area: 'taskSolving', variants: V3, provider: 'tokubetsuku' },
  { title: 'ロジカルシンキング研修', area: 'taskSolving', variants: V2 },
  { title: '課題解決力向上研修', area: 'taskSolving', variants: V2 },
  { title: '企画立案研修', area: 'taskSolving', variants: [''] },
  { title: '業務改善提案研修', area: 'taskSolving', variants: [''] },
  { title: '文書作成・法制執務研修', area: 'taskSolving', variants: V3 },
  { title: '予算・財務研修', area: 'taskSolving', variants: V2 },
  { title: '契約事務研修', area: 'taskSolving', variants: V2 },
  { title: '統計の読み方研修', area: 'taskSolving', variants: [''] },
  { title: 'タイムマネジメント研修', area: 'taskSolving', variants: [''] },
  { title: '行政評価・EBPM研修', area: 'taskSolving', variants: [''] },
  { title: 'リスクマネジメント研修', area: 'taskSolving', variants: [''] },
  { title: '地方自治制度研修', area: 'taskSolving', variants: [''], provider: 'tokubetsuku' },
  { title: '地方公務員法研修', area: 'taskSolving', variants: [''], provider: 'tokubetsuku' },
  // ICTスキル
  { title: 'Excel研修', area: 'ict', variants: ['（基礎）', '（関数）', '（ピボットテーブル）'] },
  { title: 'Word研修', area: 'ict', variants: ['（基礎）', '（長文作成）'] },
  { title: 'PowerPoint研修', area: 'ict', variants: ['（基礎）', '（資料デザイン）'] },
  { title: 'Teams活用研修', area: 'ict', variants: ['', '（会議運営）'] },
  { title: '文書管理システム操作研修', area: 'ict', variants: [''] },
  { title: '電子決裁システム操作研修', area: 'ict', variants: [''] },
  { title: '情報リテラシー研修', area: 'ict', variants: [''] },
  { title: 'タイピング・ショートカット講座', area: 'ict', variants: [''] },
  { title: 'Web会議・テレワーク実践講座', area: 'ict', variants: [''] },
  // テクニカルスキル
  { title: '戸籍事務研修', area: 'technical', variants: V3 },
  { title: '住民記録事務研修', area: 'technical', variants: V2 },
  { title: '住民税実務研修', area: 'technical', variants: V3 },
  { title: '国民健康保険実務研修', area: 'technical', variants: V2 },
  { title: '生活保護ケースワーカー研修', area: 'technical', variants: ['（新任）', '（現任）'] },
  { title: '児童虐待対応研修', area: 'technical', variants: V2, approval: true },
  { title: '保育実践研修', area: 'technical', variants: ['（乳児）', '（幼児）', '（特別支援）'] },
  { title: '保健師現任研修', area: 'technical', variants: [''] },
  { title: '土木技術研修', area: 'technical', variants: ['（道路）', '（河川）', '（公園）'], provider: 'tokubetsuku' },
  { title: '建築基準法研修', area: 'technical', variants: V2, provider: 'tokubetsuku' },
  { title: '用地取得事務研修', area: 'technical', variants: [''], provider: 'external' },
  { title: '防災・危機管理研修', area: 'technical', variants: ['（避難所運営）', '（災害対策本部）'] },
  { title: '会計事務研修', area: 'technical', variants: V2 },
  { title: '債権管理研修', area: 'technical', variants: [''] },
  { title: '公会計・財務諸表研修', area: 'technical', variants: [''], provider: 'external' },
  { title: '個人情報保護制度研修', area: 'technical', variants: [''] },
  { title: '介護保険実務研修', area: 'technical', variants: V2 },
  { title: '環境・リサイクル行政研修', area: 'technical', variants: [''] },
];

const DX_TOPICS: Record<DxSkill, readonly [string, string, string]> = {
  業務改革: ['業務改革（BPR）入門', '業務プロセス可視化ワークショップ', '業務改革リーダー養成'],
  プロジェクトマネジメント: [
    'プロジェクトマネジメント基礎',
    'アジャイル型プロジェクト実践',
    'DXプロジェクト推進者研修',
  ],
  デジタル活用: ['生成AI活用入門', 'RPA・ノーコードツール実践', 'デジタルサービスデザイン研修'],
  データ活用: ['データ活用入門（Excel・BIツール）', 'データ分析・可視化研修', 'EBPMのための統計分析'],
  セキュリティ: ['情報セキュリティ基礎', '標的型メール・インシデント対応訓練', '情報セキュリティ管理者研修'],
};
const DX_VARIANTS: readonly (readonly string[])[] = [
  ['', '（e-ラーニング）', '（窓口職場向け）', '（管理職向け）'],
  ['', '（オンライン）', '（集合）'],
  ['', '（選抜）'],
];

const PLACES = ['本庁舎 第1研修室', '本庁舎 第2研修室', '第二庁舎 大会議室', '特別区職員研修所', '区民センター 会議室'];
const GOALS: Record<TrainingArea, string> = {
  stance: '公務員としての心構えと、自分らしい働き方を考えます。',
  interpersonal: '相手に伝わり、協力を引き出すための対人力を演習で身につけます。',
  taskSolving: '課題を整理し、根拠をもって解決策を示す力を事例演習で養います。',
  ict: '日々の事務を速く正確にする操作を、実機で練習します。',
  technical: '担当業務に必要な制度と実務を、最新の事例とともに学びます。',
  dx: '区のDX推進に必要な知識と技能を、レベルに応じて身につけます。',
};

/** A small deterministic generator (mulberry32), so the catalogue is the same at every seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A weekday of fiscal year `fy` at month offset 0-10 (April to February). */
function weekday(fy: number, monthOffset: number, rand: () => number): Date {
  const month = 3 + monthOffset; // 0-based from January: 3 is April
  const d = new Date(Date.UTC(fy, month, 1 + Math.floor(rand() * 26)));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

function runsFor(id: string, fy: number, rand: () => number, dx: boolean, elearning: boolean): RunInput[] {
  const count = 1 + Math.floor(rand() * 3);
  const runs: RunInput[] = [];
  for (let k = 0; k < count; k++) {
    const offset = Math.min(10, Math.floor(((k + rand()) * 11) / count));
    const first = weekday(fy, offset, rand);
    const dates = [iso(first)];
    if (rand() < 0.3) {
      const second = new Date(first);
      second.setUTCDate(second.getUTCDate() + 7);
      dates.push(iso(second));
    }
    const online = rand() < (dx ? 0.5 : 0.25) || elearning;
    runs.push({
      id: `${id}-${k + 1}`,
      dates,
      online,
      place: online ? '' : (PLACES[Math.floor(rand() * PLACES.length)] ?? PLACES[0]!),
      capacity: [20, 24, 30, 40, 50, 60][Math.floor(rand() * 6)] ?? 30,
    });
  }
  return runs;
}

/** The demo catalogue of fiscal year `fy` (April fy to March fy+1): about 220 trainings. */
export function demoTrainings(fy: number): TrainingInput[] {
  const rand = random(fy * 7919);
  const out: TrainingInput[] = [];
  const add = (t: Omit<TrainingInput, 'id' | 'runs' | 'description'> & { goal: string }) => {
    const id = `trn-${fy}-${String(out.length + 1).padStart(3, '0')}`;
    const { goal, ...rest } = t;
    out.push({
      ...rest,
      id,
      description: goal,
      runs: runsFor(id, fy, rand, t.area === 'dx', t.title.includes('e-ラーニング')),
    });
  };
  for (const topic of TOPICS) {
    // Open trainings are also offered as e-learning, which every office can take at its desk.
    const variants = (topic.kind ?? 'open') === 'open' ? [...topic.variants, 'e-ラーニング'] : topic.variants;
    for (const variant of variants) {
      add({
        title: variant === 'e-ラーニング' ? `【e-ラーニング】${topic.title}` : `${topic.title}${variant}`,
        provider: topic.provider ?? (rand() < 0.12 ? 'external' : 'ku'),
        area: topic.area,
        dxSkill: null,
        dxLevel: null,
        targetLevels: [...(topic.levels ?? [])],
        kind: topic.kind ?? 'open',
        approvalRequired: topic.approval ?? rand() < 0.15,
        goal: `${topic.title.replace(/研修|講座$/, '')}について、${GOALS[topic.area]}`,
      });
    }
  }
  for (const [skill, titles] of Object.entries(DX_TOPICS) as [DxSkill, readonly string[]][]) {
    titles.forEach((title, i) => {
      const level = (i + 1) as DxLevel;
      for (const variant of DX_VARIANTS[i] ?? ['']) {
        add({
          title: `${title}${variant}`,
          provider: level === 3 ? 'external' : rand() < 0.3 ? 'tokubetsuku' : 'ku',
          area: 'dx',
          dxSkill: skill,
          dxLevel: level,
          targetLevels: level === 1 ? [] : [],
          kind: variant === '（選抜）' ? 'nominated' : 'open',
          approvalRequired: level >= 2,
          goal: `DXスキル「${skill}」LV${level}。${GOALS.dx}`,
        });
      }
    });
  }
  return out;
}

/** 年度 of a date in Asia/Tokyo. */
export function fiscalYearNow(now: Date): number {
  const tokyo = new Date(now.getTime() + 9 * 3600_000);
  return tokyo.getUTCMonth() >= 3 ? tokyo.getUTCFullYear() : tokyo.getUTCFullYear() - 1;
}

export async function seedDemoTrainings(stores: ServerStores, options: { orgId: string; now?: Date }): Promise<number> {
  const list = demoTrainings(fiscalYearNow(options.now ?? new Date()));
  for (const training of list) {
    const result = await stores.trainings.putTraining(options.orgId, training);
    if (!result.ok) throw new Error(`demo training ${training.id} refused: ${result.problem.code}`);
  }
  return list.length;
}
