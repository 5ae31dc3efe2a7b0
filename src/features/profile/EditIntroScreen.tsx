import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { requestSync } from '../../app/sync-trigger';
import type { AppDb } from '../../db/schema';
import { LIMITS, type DirectoryRecord } from '../../domain/staff';
import { charCount } from '../../domain/text';
import { updateIntro } from './commands';

interface Props {
  db: AppDb;
  self: DirectoryRecord;
}

export function EditIntroScreen({ db, self }: Props) {
  const [, navigate] = useLocation();
  const [intro, setIntro] = useState(self.intro);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const remaining = LIMITS.intro - charCount(intro);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const result = await updateIntro(db, intro);
    setSaving(false);
    if (!result.ok) return setError(result.message);
    requestSync();
    navigate(`/people/${self.id}`);
  }

  return (
    <form className="edit" onSubmit={onSubmit} aria-labelledby="edit-title">
      <h1 id="edit-title">自己紹介を編集</h1>
      <label htmlFor="intro">自己紹介</label>
      <textarea
        id="intro"
        rows={8}
        value={intro}
        onChange={(e) => {
          setIntro(e.target.value);
          setError(null);
        }}
        aria-describedby="intro-count intro-help"
        aria-invalid={remaining < 0}
      />
      <p id="intro-count" className={remaining < 0 ? 'error' : 'muted'} aria-live="polite">
        {remaining >= 0 ? `あと${remaining}文字` : `${-remaining}文字オーバーしています`}
      </p>
      <p id="intro-help" className="muted">
        電波がなくても保存できます。接続が戻ると自動で送信します。
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving || remaining < 0}>
          保存
        </button>
        <button type="button" className="button" onClick={() => history.back()}>
          キャンセル
        </button>
      </div>
    </form>
  );
}
