import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useT } from '../../i18n/language';
import { profileWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import { requestSync } from '../../sync/trigger';
import type { AppDb } from '../../db/schema';
import { API_PATHS } from '../../domain/protocol';
import { DEFAULT_AUDIENCES, type StaffDetail } from '../../domain/profile';
import { AUDIENCES, LIMITS, type Audience, type AudienceField, type DirectoryRecord } from '../../domain/staff';
import { firstBadTag } from '../../domain/profile-edit';
import { charCount } from '../../domain/text';
import { pendingPhoto } from '../../sync/reconcile-detail';
import { Avatar } from '../../ui/Avatar';
import { saveProfileEdits, type ProfilePatch } from './commands';
import { useStaffDetail } from './details';
import { PhotoEditor, type ChosenPhoto } from './PhotoEditor';

interface Props {
  db: AppDb;
  self: DirectoryRecord;
}

/** Waits for the device's copy of one's own detail (a few ms), then opens the form with it. */
export function EditProfileScreen({ db, self }: Props) {
  const t = useT(profileWords);
  const view = useStaffDetail(db, self.id, self.id);
  if (view === undefined) return <p className="muted center">{t.common.loading}</p>;
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

/** The form as it opens: one's own detail when this device has it, else the directory's copy and defaults. */
function initialFrom(self: DirectoryRecord, detail: StaffDetail | null): Initial {
  return {
    intro: detail?.intro ?? self.intro,
    hobbies: (detail?.hobbies ?? self.hobbies).join('、'),
    skills: self.skills.join('、'),
    privatePhone: detail?.privatePhone ?? '',
    audiences: detail?.settings?.audiences ?? { ...DEFAULT_AUDIENCES },
    photoConsent: detail?.settings?.photoConsent ?? false,
  };
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
  const t = useT(profileWords);
  const say = useProblem();
  const words = t.profileEdit;
  const [, navigate] = useLocation();
  // False while the form shows defaults: this device has not fetched one's own detail yet (offline).
  const [fromDetail, setFromDetail] = useState(detail !== null);
  const [initial, setInitial] = useState<Initial>(() => initialFrom(self, detail));
  const [form, setForm] = useState<Initial>(initial);
  // Opened just before the detail arrived (the first visit, online): it replaces the defaults, as
  // long as nothing has been typed. Else a choice shown as the default but not the real setting,
  // picked again, would count as no change and never be sent.
  useEffect(() => {
    if (fromDetail || !detail || form !== initial) return;
    const next = initialFrom(self, detail);
    setFromDetail(true);
    setInitial(next);
    setForm(next);
  }, [fromDetail, detail, form, initial, self]);
  const [photo, setPhoto] = useState<ChosenPhoto | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  /** A tag the save was stopped for, by list (issue 22): shown under its field, which takes focus. */
  const [tagError, setTagError] = useState<{ field: 'hobbies' | 'skills'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const remaining = LIMITS.intro - charCount(form.intro);
  const set = <K extends keyof Initial>(key: K, value: Initial[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setError(null);
    setTagError(null);
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
    // One tag the server would refuse: say which, at its field; nothing is saved and nothing typed is lost.
    for (const field of ['hobbies', 'skills'] as const) {
      const bad = patch[field] ? firstBadTag(field, patch[field]) : null;
      if (bad) {
        setTagError({ field, text: say(bad) });
        document.getElementById(field)?.focus();
        return;
      }
    }
    setSaving(true);
    const result = await saveProfileEdits(
      db,
      Object.keys(patch).length > 0 ? patch : null,
      photo === undefined ? undefined : (photo?.upload ?? null),
    );
    setSaving(false);
    if (!result.ok) return setError(say(result.problem));
    requestSync();
    navigate(`/people/${self.id}`);
  }

  return (
    <form className="edit" onSubmit={onSubmit} aria-labelledby="edit-title" noValidate>
      <h1 id="edit-title">{words.title}</h1>
      {!fromDetail && <p className="muted">{words.settingsNotLoaded}</p>}

      <fieldset>
        <legend>{words.photo}</legend>
        {currentPhotoUrl ? (
          <Avatar record={self} size={128} src={currentPhotoUrl} alt={words.currentPhoto} />
        ) : (
          <p className="muted">{words.noPhoto}</p>
        )}
        <PhotoEditor hasPhoto={currentPhotoUrl !== null} onChosen={(p) => setPhoto(p)} />
        {currentPhotoUrl && (
          <button type="button" className="link-button" onClick={() => setPhoto(null)}>
            {words.removePhoto}
          </button>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.photoConsent}
            onChange={(e) => set('photoConsent', e.target.checked)}
            aria-describedby="consent-help"
          />
          {words.consent}
        </label>
        <p id="consent-help" className="muted">
          {words.consentHelp}
        </p>
        <AudienceSelect field="photo" label={words.photo} value={form.audiences.photo} onChange={setAudience} />
      </fieldset>

      <label htmlFor="intro">{t.profile.intro}</label>
      <textarea
        id="intro"
        rows={6}
        value={form.intro}
        onChange={(e) => set('intro', e.target.value)}
        aria-describedby="intro-count intro-help"
        aria-invalid={remaining < 0}
      />
      <p id="intro-count" className={remaining < 0 ? 'error' : 'muted'} aria-live="polite">
        {remaining >= 0 ? t.common.charsLeft(remaining) : words.charsOver(-remaining)}
      </p>
      <p id="intro-help" className="muted">
        {/[<>]/.test(form.intro) ? words.markupShownAsText : words.savedOffline}
      </p>
      <AudienceSelect field="intro" label={t.profile.intro} value={form.audiences.intro} onChange={setAudience} />

      <label htmlFor="hobbies">{t.profile.hobbies}</label>
      <input
        id="hobbies"
        value={form.hobbies}
        onChange={(e) => set('hobbies', e.target.value)}
        aria-describedby={tagError?.field === 'hobbies' ? 'hobbies-error tags-help' : 'tags-help'}
        aria-invalid={tagError?.field === 'hobbies'}
      />
      {tagError?.field === 'hobbies' && (
        <p id="hobbies-error" className="error" role="alert">
          {tagError.text}
        </p>
      )}
      <AudienceSelect field="hobbies" label={t.profile.hobbies} value={form.audiences.hobbies} onChange={setAudience} />

      <label htmlFor="skills">{t.profile.skills}</label>
      <input
        id="skills"
        value={form.skills}
        onChange={(e) => set('skills', e.target.value)}
        aria-describedby={tagError?.field === 'skills' ? 'skills-error tags-help' : 'tags-help'}
        aria-invalid={tagError?.field === 'skills'}
      />
      {tagError?.field === 'skills' && (
        <p id="skills-error" className="error" role="alert">
          {tagError.text}
        </p>
      )}
      <p id="tags-help" className="muted">
        {words.tagsHelp(LIMITS.tag, LIMITS.tags)}
      </p>

      <label htmlFor="private-phone">{words.privatePhone}</label>
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
        label={words.privatePhone}
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
          {words.save}
        </button>
        <button type="button" className="button" onClick={() => history.back()}>
          {words.cancel}
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
  const t = useT(profileWords);
  const id = `audience-${field}`;
  return (
    <div className="audience">
      <label htmlFor={id}>{t.profileEdit.audienceOf(label)}</label>
      <select id={id} value={value} onChange={(e) => onChange(field, e.target.value as Audience)}>
        {/* the options are exactly AUDIENCES, so the value is one of them */}
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t.profile.audience[a]}
          </option>
        ))}
      </select>
    </div>
  );
}
