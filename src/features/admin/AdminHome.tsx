import { Link } from 'wouter';
import type { Role } from '../../domain/org';
import { useT } from '../../i18n/language';
import '../../ui/people.css';
import './admin.css';
import { adminWords } from './words';

/** Where each HR task lives; the roster import (A1) and the organisation's upkeep (A4) are their own features' screens. */
export const ADMIN_LINKS = {
  roster: '/admin/roster',
  org: '/admin/org',
  tree: '/org',
  audit: '/admin/audit',
  access: '/admin/access',
  settings: '/admin/settings',
} as const;

interface Entry {
  href: string | null;
  title: string;
  hint: string;
}

function Entries({ entries, soon }: { entries: readonly Entry[]; soon: string }) {
  return (
    <ul className="admin-home">
      {entries.map((e) => (
        <li key={e.title}>
          {e.href ? (
            <Link href={e.href} className="admin-home__link">
              <strong>{e.title}</strong>
              <span className="muted">{e.hint}</span>
            </Link>
          ) : (
            <div className="admin-home__link admin-home__link--soon" aria-disabled="true">
              <strong>{e.title}</strong>
              <span className="muted">
                {e.hint} <span className="chip">{soon}</span>
              </span>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** 管理 (A5): HR's home, from the menu. The device only arranges links: each endpoint checks the role again. */
export function AdminHome({ role }: { role: Role }) {
  const t = useT(adminWords);
  if (role !== 'hr') {
    return (
      <section className="people-page" aria-labelledby="admin-home-title">
        <h1 id="admin-home-title">{t.home.title}</h1>
        <p role="alert">{t.admin.notAllowed}</p>
      </section>
    );
  }
  const entries: Entry[] = [
    { href: ADMIN_LINKS.roster, title: t.home.roster, hint: t.home.rosterHint },
    { href: ADMIN_LINKS.org, title: t.home.org, hint: t.home.orgHint },
    { href: ADMIN_LINKS.audit, title: t.home.audit, hint: t.home.auditHint },
    { href: ADMIN_LINKS.access, title: t.home.access, hint: t.home.accessHint },
    { href: ADMIN_LINKS.settings, title: t.home.settings, hint: t.home.settingsHint },
    // Surveys (issue 7) and 360 campaigns (issue 8) take this slot as they land.
    { href: null, title: t.home.campaigns, hint: t.home.campaignsHint },
  ];
  return (
    <section className="people-page admin-page" aria-labelledby="admin-home-title">
      <h1 id="admin-home-title">{t.home.title}</h1>
      <p className="people-lead">{t.home.lead}</p>
      <Entries entries={entries} soon={t.home.comingSoon} />
    </section>
  );
}

/** The managers' own entry: what a 管理職 may see (HR sees it too). */
export function ManageHome({ role }: { role: Role }) {
  const t = useT(adminWords);
  if (role === 'staff') {
    return (
      <section className="people-page" aria-labelledby="manage-title">
        <h1 id="manage-title">{t.manage.title}</h1>
        <p role="alert">{t.manage.notAllowed}</p>
      </section>
    );
  }
  const entries: Entry[] = [
    { href: '/recognition/summary', title: t.manage.summary, hint: t.manage.summaryHint },
    { href: ADMIN_LINKS.tree, title: t.manage.org, hint: t.manage.orgHint },
    { href: '/trainings/approvals', title: t.manage.trainingApprovals, hint: t.manage.trainingApprovalsHint },
    // The 360 results of issue 8 take this slot.
    { href: null, title: t.manage.feedback, hint: t.manage.feedbackHint },
  ];
  return (
    <section className="people-page admin-page" aria-labelledby="manage-title">
      <h1 id="manage-title">{t.manage.title}</h1>
      <p className="people-lead">{t.manage.lead}</p>
      <Entries entries={entries} soon={t.home.comingSoon} />
    </section>
  );
}
