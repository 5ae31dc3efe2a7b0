import { useState, type FormEvent } from 'react';

interface Props {
  signIn(email: string, password: string): Promise<void>;
}

export function SignInScreen({ signIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'サインインできませんでした');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <h1>職員名鑑</h1>
      <p className="muted">顔と名前と内線が、すぐにわかる。</p>
      <form onSubmit={onSubmit} aria-label="サインイン">
        <label htmlFor="email">メールアドレス</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <label htmlFor="password">パスワード</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'サインイン中…' : 'サインイン'}
        </button>
      </form>
    </main>
  );
}
