/**
 * The left column's tabs: the sorties (upload and list), flight
 * operations (authorities, survey planning, plans, checks, vehicles) and
 * full-motion video (upload, clips, coverage, annotation search). WAI-ARIA
 * tabs: arrow keys, Home and End move between them.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/catalogue/keys.js';
import { useI18n } from '../i18n/i18n-context.js';

export const SIDEBAR_TABS = ['sorties', 'flight', 'video'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

const LABEL: Readonly<Record<SidebarTab, MessageKey>> = { sorties: 'tabs.sorties', flight: 'tabs.flight', video: 'tabs.video' };

export function SidebarTabs(p: { readonly tab: SidebarTab; readonly onTab: (t: SidebarTab) => void; readonly panels: Readonly<Record<SidebarTab, ReactNode>> }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const refs = useRef<Partial<Record<SidebarTab, HTMLButtonElement | null>>>({});
  const onKey = (e: KeyboardEvent): void => {
    const i = SIDEBAR_TABS.indexOf(p.tab);
    const to =
      e.key === 'ArrowRight' ? SIDEBAR_TABS[(i + 1) % SIDEBAR_TABS.length]
      : e.key === 'ArrowLeft' ? SIDEBAR_TABS[(i - 1 + SIDEBAR_TABS.length) % SIDEBAR_TABS.length]
      : e.key === 'Home' ? SIDEBAR_TABS[0]
      : e.key === 'End' ? SIDEBAR_TABS[SIDEBAR_TABS.length - 1]
      : undefined;
    if (to === undefined) return;
    e.preventDefault();
    p.onTab(to);
    refs.current[to]?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKey}>
        {SIDEBAR_TABS.map((tab) => (
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
      {SIDEBAR_TABS.map((tab) => (
        <div key={tab} role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}-tab`} hidden={p.tab !== tab} className="tab-panel">
          {p.panels[tab]}
        </div>
      ))}
    </>
  );
}
