import { useState, type FormEvent } from 'react';
import { problem, ProblemError } from '../../domain/problems';
import { takeSignedOutNotice } from './notice';
import { useT } from '../../i18n/language';
import { signInWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';

interface Props {
  signIn(email: string, password: string): Promise<void>;
}

export function SignInScreen({ signIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Signed out of every device from elsewhere, or retired (A6): said once, here.
  const [signedOut] = useState(takeSignedOutNotice);
  const t = useT(signInWords);
  const say = useProblem();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (err) {
      setError(err instanceof ProblemError ? say(err.problem) : t.signIn.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <LanguageSwitch />
      <h1>{t.app.title}</h1>
      <p className="muted">{t.signIn.tagline}</p>
      {signedOut && <p role="status">{say(problem('auth.signedOut'))}</p>}
      <form onSubmit={onSubmit} aria-label={t.signIn.form}>
        <label htmlFor="email">{t.signIn.email}</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <label htmlFor="password">{t.signIn.password}</label>
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
          {busy ? t.signIn.busy : t.signIn.submit}
        </button>
      </form>
      <p className="muted signin-keeps">{t.signIn.keeps}</p>
    </main>
  );
}
