import { defineWords } from '../../i18n/language';

/** The auth feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const signInJa = {
  signIn: {
    tagline: '顔と名前と内線が、すぐにわかる。',
    form: 'サインイン',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'サインイン',
    busy: 'サインイン中…',
    failed: 'サインインできませんでした',
    /** What the phone keeps, said before it keeps it (issue 22). */
    keeps:
      'サインインすると、この端末に職員名簿と自分の下書き・未送信の変更が保存され、電波がなくても開けます。端末から消すには、サインアウトしてください。',
  },
};

export type SignInWords = typeof signInJa;

/** Loaded with the feature's screens; English when chosen. */
export const signInWords = defineWords(signInJa, () => import('./words.en').then((m) => m.signInEn));
