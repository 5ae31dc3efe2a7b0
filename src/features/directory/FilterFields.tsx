import { useMemo } from 'react';
import { useT } from '../../i18n/language';
import { staffWords } from '../../i18n/staff-words';
import { filterFieldsWords } from './filter-words';
import { countActiveFilters, EMPTY_FILTER, tagsInUse, type DirectoryFilter } from '../../domain/filters';
import { DX_SKILLS, JOB_LEVELS, type OrgUnit } from '../../domain/org';
import type { FilterProps } from './Filters';

const INDENT: Record<OrgUnit['kind'], string> = { bu: '', ka: '\u3000', kakari: '\u3000\u3000' };

/** The 部 → 課 → 係 tree flattened in display order, indented, for one native select. */
function unitOptions(units: ReadonlyMap<string, OrgUnit>): OrgUnit[] {
  const children = new Map<string | null, OrgUnit[]>();
  for (const u of units.values()) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out: OrgUnit[] = [];
  const walk = (parent: string | null) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.order - b.order)) {
      out.push(u);
      walk(u.id);
    }
  };
  walk(null);
  return out;
}

/** The open filter menu's fields (D3), loaded on the first open (see Filters). */
export function FilterFields({ directory, filter, onChange }: FilterProps) {
  const options = useMemo(
    () => ({
      units: unitOptions(directory.units),
      skills: tagsInUse(directory.records, 'skills'),
      hobbies: tagsInUse(directory.records, 'hobbies'),
      qualifications: tagsInUse(directory.records, 'qualifications'),
    }),
    [directory],
  );
  const t = useT(staffWords, filterFieldsWords);
  const set = (patch: Partial<DirectoryFilter>) => onChange({ ...filter, ...patch });
  const active = countActiveFilters(filter);
  const isDx = (DX_SKILLS as readonly string[]).includes(filter.skill);

  return (
    <div className="filter-fields">
      <label>
        {t.filterFields.unit}
        <select value={filter.unitId} onChange={(e) => set({ unitId: e.target.value })}>
          <option value="">{t.common.all}</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {INDENT[u.kind]}
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <Choice
        label={t.filterFields.jobLevel}
        all={t.common.all}
        value={filter.jobLevel}
        choices={JOB_LEVELS}
        nameOf={(level) => t.staff.jobLevel[level]}
        onChange={(v) => set({ jobLevel: JOB_LEVELS.find((l) => l === v) ?? '' })}
      />
      <label>
        {t.staff.skill}
        <select value={filter.skill} onChange={(e) => set({ skill: e.target.value })}>
          <option value="">{t.common.all}</option>
          <optgroup label={t.staff.dxSkills}>
            {DX_SKILLS.map((s) => (
              <option key={s} value={s}>
                {t.staff.dxSkill[s]}
              </option>
            ))}
          </optgroup>
          <optgroup label={t.filterFields.otherSkills}>
            {options.skills.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </optgroup>
        </select>
      </label>
      {isDx && (
        <label>
          {t.staff.level}
          <select value={filter.minLevel} onChange={(e) => set({ minLevel: Number(e.target.value) })}>
            <option value={1}>{t.staff.levelAtLeast(1)}</option>
            <option value={2}>{t.staff.levelAtLeast(2)}</option>
            <option value={3}>LV3</option>
          </select>
        </label>
      )}
      <Choice
        label={t.filterFields.hobby}
        all={t.common.all}
        value={filter.hobby}
        choices={options.hobbies}
        onChange={(hobby) => set({ hobby })}
      />
      <Choice
        label={t.filterFields.qualification}
        all={t.common.all}
        value={filter.qualification}
        choices={options.qualifications}
        onChange={(qualification) => set({ qualification })}
      />
      {active > 0 && (
        <button type="button" className="button" onClick={() => onChange(EMPTY_FILTER)}>
          {t.filterFields.clear}
        </button>
      )}
    </div>
  );
}

/** One labelled menu: "all" (the empty value), then each choice as it reads (data), or by its name in the app's words. */
function Choice<C extends string>({
  label,
  all,
  value,
  choices,
  nameOf,
  onChange,
}: {
  label: string;
  all: string;
  value: string;
  choices: readonly C[];
  nameOf?: (choice: C) => string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {nameOf ? nameOf(c) : c}
          </option>
        ))}
      </select>
    </label>
  );
}
