import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { requestSync } from '../../app/sync-trigger';
import type { AppDb } from '../../db/schema';
import { API_PATHS } from '../../domain/protocol';
import { AUDIENCE_LABELS, DEFAULT_AUDIENCES, type StaffDetail } from '../../domain/profile';
import { AUDIENCES, LIMITS, type Audience, type AudienceField, type DirectoryRecord } from '../../domain/staff';
import { charCount } from '../../domain/text';
import { pendingPhoto } from '../../sync/reconcile-detail';
import { Avatar } from '../directory/Avatar';
import { saveProfileEdits, type ProfilePatch } from './commands';
import { useStaffDetail } from './details';
import { PhotoEditor, type ChosenPhoto } from './PhotoEditor';

interface Props {
  db: AppDb;
  self: DirectoryRecord;
}

/** Waits for the device's copy of one's own detail (a few ms), then opens the form with it. */
export function EditProfileScreen({ db, self }: Props) {
  const view = useStaffDetail(db, self.id, self.id);
  if (view === undefined) return <p className="muted center">読み込み中…</p>;
  return <EditForm db={db} self={self} detail={view.detail} pendingPhotoUpload={pendingPhoto(view.pending)} />;
}

interface Initial {
  intro: string;
  hobbies: string;
  skills: string;
  privatePhone: string;
  audiences: Record<AudienceField, Audience>;
  photoConsent: boolean;
}

/** Tags are typed as one line, separated by 、 or commas, as people write lists in Japanese. */
function splitTags(text: string): string[] {
  return text
    .split(/[、,，\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

function EditForm({
  db,
  self,
  detail,
  pendingPhotoUpload,
}: {
  db: AppDb;
  self: DirectoryRecord;
  detail: StaffDetail | null;
  pendingPhotoUpload: { thumb: string; large: string } | null | undefined;
}) {
  const [, navigate] = useLocation();
  const [initial] = useState<Initial>(() => ({
    intro: detail?.intro ?? self.intro,
    hobbies: (detail?.hobbies ?? self.hobbies).join('、'),
    skills: self.skills.join('、'),
    privatePhone: detail?.privatePhone ?? '',
    audiences: detail?.settings?.audiences ?? { ...DEFAULT_AUDIENCES },
    photoConsent: detail?.settings?.photoConsent ?? false,
  }));
  const [form, setForm] = useState<Initial>(initial);
  const [photo, setPhoto] = useState<ChosenPhoto | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const remaining = LIMITS.intro - charCount(form.intro);
  const set = <K extends keyof Initial>(key: K, value: Initial[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setError(null);
  };
  const setAudience = (field: AudienceField, audience: Audience) =>
    set('audiences', { ...form.audiences, [field]: audience });

  const currentPhotoUrl =
    photo !== undefined
      ? (photo?.preview ?? null)
      : pendingPhotoUpload !== undefined
        ? pendingPhotoUpload && `data:image/webp;base64,${pendingPhotoUpload.large}`
        : detail?.settings?.photo
          ? `/api${API_PATHS.photo(detail.settings.photo, 'large')}`
          : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const patch: ProfilePatch = {};
    if (form.intro !== initial.intro) patch.intro = form.intro;
    if (form.hobbies !== initial.hobbies) patch.hobbies = splitTags(form.hobbies);
    if (form.skills !== initial.skills) patch.skills = splitTags(form.skills);
    if (form.privatePhone !== initial.privatePhone) patch.privatePhone = form.privatePhone;
    if (form.photoConsent !== initial.photoConsent) patch.photoConsent = form.photoConsent;
    // Only the audiences changed here are sent: when this device has not fetched them yet, the
    // form shows defaults, and sending those would overwrite choices made on another device.
    const audiences: Partial<Record<AudienceField, Audience>> = {};
    for (const f of Object.keys(form.audiences) as AudienceField[]) {
      // keys of a Record<AudienceField, …>
      if (form.audiences[f] !== initial.audiences[f]) audiences[f] = form.audiences[f];
    }
    if (Object.keys(audiences).length > 0) patch.audiences = audiences;
    setSaving(true);
    const result = await saveProfileEdits(
      db,
      Object.keys(patch).length > 0 ? patch : null,
      photo === undefined ? undefined : (photo?.upload ?? null),
    );
    setSaving(false);
    if (!result.ok) return setError(result.message);
    requestSync();
    navigate(`/people/${self.id}`);
  }

  return (
    <form className="edit" onSubmit={onSubmit} aria-labelledby="edit-title" noValidate>
      <h1 id="edit-title">プロフィールを編集</h1>
      {!detail && <p className="muted">公開範囲などの設定をまだ読み込めていません。変えた項目だけが保存されます。</p>}

      <fieldset>
        <legend>写真</legend>
        {currentPhotoUrl ? (
          <Avatar record={self} size={128} src={currentPhotoUrl} alt="現在の写真" />
        ) : (
          <p className="muted">写真はありません</p>
        )}
        <PhotoEditor hasPhoto={currentPhotoUrl !== null} onChosen={(p) => setPhoto(p)} />
        {currentPhotoUrl && (
          <button type="button" className="link-button" onClick={() => setPhoto(null)}>
            写真を削除
          </button>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.photoConsent}
            onChange={(e) => set('photoConsent', e.target.checked)}
            aria-describedby="consent-help"
          />
          写真の表示に同意する
        </label>
        <p id="consent-help" className="muted">
          同意するまで、写真は自分以外には表示されません。
        </p>
        <AudienceSelect field="photo" label="写真" value={form.audiences.photo} onChange={setAudience} />
      </fieldset>

      <label htmlFor="intro">自己紹介</label>
      <textarea
        id="intro"
        rows={6}
        value={form.intro}
        onChange={(e) => set('intro', e.target.value)}
        aria-describedby="intro-count intro-help"
        aria-invalid={remaining < 0}
      />
      <p id="intro-count" className={remaining < 0 ? 'error' : 'muted'} aria-live="polite">
        {remaining >= 0 ? `あと${remaining}文字` : `${-remaining}文字オーバーしています`}
      </p>
      <p id="intro-help" className="muted">
        {/[<>]/.test(form.intro)
          ? '「<」「>」などの記号は、そのまま文字として表示されます。'
          : '電波がなくても保存できます。接続が戻ると自動で送信します。'}
      </p>
      <AudienceSelect field="intro" label="自己紹介" value={form.audiences.intro} onChange={setAudience} />

      <label htmlFor="hobbies">趣味・特技</label>
      <input
        id="hobbies"
        value={form.hobbies}
        onChange={(e) => set('hobbies', e.target.value)}
        aria-describedby="tags-help"
      />
      <AudienceSelect field="hobbies" label="趣味・特技" value={form.audiences.hobbies} onChange={setAudience} />

      <label htmlFor="skills">スキル</label>
      <input
        id="skills"
        value={form.skills}
        onChange={(e) => set('skills', e.target.value)}
        aria-describedby="tags-help"
      />
      <p id="tags-help" className="muted">
        「、」で区切って入力します（1つ{LIMITS.tag}文字、{LIMITS.tags}個まで）。スキルは全員に表示されます。
      </p>

      <label htmlFor="private-phone">私用電話</label>
      <input
        id="private-phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={form.privatePhone}
        onChange={(e) => set('privatePhone', e.target.value)}
      />
      <AudienceSelect
        field="privatePhone"
        label="私用電話"
        value={form.audiences.privatePhone}
        onChange={setAudience}
      />

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

function AudienceSelect({
  field,
  label,
  value,
  onChange,
}: {
  field: AudienceField;
  label: string;
  value: Audience;
  onChange(field: AudienceField, audience: Audience): void;
}) {
  const id = `audience-${field}`;
  return (
    <div className="audience">
      <label htmlFor={id}>{label}の公開範囲</label>
      <select id={id} value={value} onChange={(e) => onChange(field, e.target.value as Audience)}>
        {/* the options are exactly AUDIENCES, so the value is one of them */}
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {AUDIENCE_LABELS[a]}
          </option>
        ))}
      </select>
    </div>
  );
}
