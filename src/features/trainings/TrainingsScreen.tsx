import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { AppDb } from '../../db/schema';
import {
  browseTrainings,
  DX_LEVELS,
  runStart,
  TRAINING_AREAS,
  trainingHaystack,
  type DxLevel,
  type Training,
  type TrainingArea,
} from '../../domain/trainings';
import { useT } from '../../i18n/language';
import { staffWords } from '../../i18n/staff-words';
import '../../ui/people.css';
import { formatDay } from './format';
import './trainings.css';
import { useTrainings } from './use-trainings';
import { trainingWords } from './words';

/** T1: the catalogue on the device, browsed by skill area and DX level, searched as the directory is. */
export function TrainingsScreen({ db }: { db: AppDb }) {
  const t = useT(trainingWords, staffWords);
  const view = useTrainings(db);
  const [area, setArea] = useState<TrainingArea | null>(null);
  const [dxLevel, setDxLevel] = useState<DxLevel | null>(null);
  const [query, setQuery] = useState('');
  // Each training's text is folded once, not at every keystroke.
  const haystacks = useMemo(() => new Map((view?.trainings ?? []).map((x) => [x.id, trainingHaystack(x)])), [view]);
  const shown = useMemo(
    () =>
      view
        ? browseTrainings(
            view.trainings,
            { area, dxLevel: area === 'dx' ? dxLevel : null, query },
            (x: Training) => haystacks.get(x.id) ?? trainingHaystack(x),
          )
        : [],
    [view, area, dxLevel, query, haystacks],
  );
  if (!view) return <p className="muted center">{t.common.loading}</p>;
  const tr = t.trainings;
  return (
    <section className="people-page trainings-page" aria-labelledby="trainings-title">
      <h1 id="trainings-title">{tr.title}</h1>
      <p className="people-lead">{tr.lead}</p>
      {view.trainings.length === 0 ? (
        <p className="muted">{tr.empty}</p>
      ) : (
        <>
          <div className="training-filters">
            <input
              type="search"
              aria-label={tr.search}
              placeholder={tr.search}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <label>
              {tr.area}
              <select
                value={area ?? ''}
                onChange={(e) => setArea(e.target.value === '' ? null : (e.target.value as TrainingArea))}
              >
                <option value="">{tr.allAreas}</option>
                {TRAINING_AREAS.map((a) => (
                  <option key={a} value={a}>
                    {tr.areas[a]}
                  </option>
                ))}
              </select>
            </label>
            {area === 'dx' && (
              <label>
                {tr.level}
                <select
                  value={dxLevel ?? ''}
                  onChange={(e) => setDxLevel(e.target.value === '' ? null : (Number(e.target.value) as DxLevel))}
                >
                  <option value="">{tr.allLevels}</option>
                  {DX_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {tr.dxLevel(l)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <p className="muted" role="status">
            {tr.count(shown.length)}
          </p>
          {shown.length === 0 ? (
            <p className="muted">{tr.none}</p>
          ) : (
            <ul className="training-list" aria-labelledby="trainings-title">
              {shown.map((x) => {
                const next = x.runs.map(runStart).sort()[0];
                return (
                  <li key={x.id} className="training-card">
                    <Link href={`/trainings/${x.id}`} className="training-card-link">
                      {x.title}
                    </Link>
                    <span className="training-meta">
                      {x.area === 'dx' && x.dxSkill && x.dxLevel
                        ? `${t.staff.dxSkill[x.dxSkill]} ${tr.dxLevel(x.dxLevel)}`
                        : tr.areas[x.area]}
                      {' · '}
                      {tr.providers[x.provider]}
                      {next && ` · ${formatDay(tr, next)}`}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
