/**
 * The left column's tabs: the sorties (upload and list), flight
 * operations (authorities, survey planning, plans, checks, vehicles),
 * full-motion video (upload, clips, coverage, annotation search), leads
 * (list, new leads, dashboard), the counter-network link chart, translation
 * and, for administrators, accounts. WAI-ARIA
 * tabs: arrow keys, Home and End move between them.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/catalogue/keys.js';
import { useI18n } from '../i18n/i18n-context.js';

export const SIDEBAR_TABS = ['sorties', 'flight', 'video', 'leads', 'network', 'translate', 'admin'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

const LABEL: Readonly<Record<SidebarTab, MessageKey>> = { sorties: 'tabs.sorties', flight: 'tabs.flight', video: 'tabs.video', leads: 'tabs.leads', network: 'tabs.network', translate: 'tabs.translate', admin: 'tabs.admin' };

/** `panels` names the tabs shown, in SIDEBAR_TABS order (administrators alone have the accounts tab). */
export function SidebarTabs(p: { readonly tab: SidebarTab; readonly onTab: (t: SidebarTab) => void; readonly panels: Readonly<Partial<Record<SidebarTab, ReactNode>>> }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const refs = useRef<Partial<Record<SidebarTab, HTMLButtonElement | null>>>({});
  const tabs = SIDEBAR_TABS.filter((tab) => p.panels[tab] !== undefined);
  const onKey = (e: KeyboardEvent): void => {
    const i = tabs.indexOf(p.tab);
    const to =
      e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length]
      : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length]
      : e.key === 'Home' ? tabs[0]
      : e.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (to === undefined) return;
    e.preventDefault();
    p.onTab(to);
    refs.current[to]?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKey}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${tab}-tab`}
            aria-selected={p.tab === tab}
            aria-controls={`${id}-${tab}-panel`}
            tabIndex={p.tab === tab ? 0 : -1}
            className={p.tab === tab ? 'tab selected' : 'tab'}
            onClick={() => p.onTab(tab)}
            data-testid={`tab-${tab}`}
          >
            {t(LABEL[tab])}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab} role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}-tab`} hidden={p.tab !== tab} className="tab-panel">
          {p.panels[tab]}
        </div>
      ))}
    </>
  );
}
