/**
 * Accounts (administrators): who may sign in, with which role, and what
 * access decisions read about them — clearance, nationality, organisation
 * and the controls they are read into. A partner official is an account
 * with the `partner` role and a foreign nationality; they see only the
 * partner portal. New accounts get a one-time password, changed at first
 * sign-in; every change is in the audit log (`user.create`, `user.change`).
 */
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import { ACCESS_CONTROLS, CLASSIFICATION_NAMES, CLASSIFICATIONS, isClassification, type AccessControl, type Classification } from '../../api/schema/marking.js';
import { ROLES, type Role } from '../../api/schema/session.js';
import type { UserAccount } from '../../api/schema/user.js';
import { formatIsoLocal } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName } from '../../leads/countries.js';
import { errorText } from '../error-text.js';
import { CountrySelect } from '../leads/CountrySelect.js';
import { CONTROL_KEY } from '../leads/lead-text.js';

interface AccountValues {
  readonly role: Role;
  readonly clearance: Classification;
  /** '' : the deployment's own country. */
  readonly nationality: string;
  readonly organisation: string;
  readonly accesses: readonly AccessControl[];
}

function AccountFieldsEditor(p: { readonly v: AccountValues; readonly onChange: (v: AccountValues) => void; readonly testId: string }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const v = p.v;
  return (
    <div className="grid-2 account-fields">
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('users.role')}</label>
        <select
          id={`${id}-role`}
          value={v.role}
          onChange={(e) => {
            const r = ROLES.find((x) => x === e.target.value);
            if (r !== undefined) p.onChange({ ...v, role: r });
          }}
          data-testid={`${p.testId}-role`}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-clearance`}>{t('users.clearance')}</label>
        <select
          id={`${id}-clearance`}
          value={v.clearance}
          onChange={(e) => {
            const c = e.target.value;
            if (isClassification(c)) p.onChange({ ...v, clearance: c });
          }}
          data-testid={`${p.testId}-clearance`}
        >
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {c} — {CLASSIFICATION_NAMES[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-nationality`}>{t('users.nationality')}</label>
        <CountrySelect id={`${id}-nationality`} value={v.nationality} onChange={(c) => p.onChange({ ...v, nationality: c })} label={t('users.nationality')} placeholder={t('users.ownCountry')} testId={`${p.testId}-nationality`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('users.organisation')}</label>
        <input id={`${id}-org`} type="text" value={v.organisation} onChange={(e) => p.onChange({ ...v, organisation: e.target.value })} data-testid={`${p.testId}-organisation`} />
      </div>
      <fieldset className="group">
        <legend>{t('users.accesses')}</legend>
        {ACCESS_CONTROLS.map((c) => (
          <label key={c} className="checkbox">
            <input
              type="checkbox"
              checked={v.accesses.includes(c)}
              onChange={() => p.onChange({ ...v, accesses: v.accesses.includes(c) ? v.accesses.filter((x) => x !== c) : [...v.accesses, c] })}
              data-testid={`${p.testId}-access-${c}`}
            />
            <span className="mono">{c}</span> <span className="muted small">{t(CONTROL_KEY[c])}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

const knownAccesses = (xs: readonly string[]): AccessControl[] => ACCESS_CONTROLS.filter((c) => xs.includes(c));

function UserEditForm(p: { readonly client: ApiClient; readonly user: UserAccount; readonly onDone: (u: UserAccount | null) => void }): ReactNode {
  const { t } = useI18n();
  const u = p.user;
  const [v, setV] = useState<AccountValues>({ role: u.role, clearance: u.clearance, nationality: u.nationality, organisation: u.organisation, accesses: knownAccesses(u.accesses) });
  const [disabled, setDisabled] = useState(u.disabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const accesses = [...v.accesses].sort();
    const change = {
      ...(v.role !== u.role ? { role: v.role } : {}),
      ...(v.clearance !== u.clearance ? { clearance: v.clearance } : {}),
      // An untouched nationality is not sent: sending the own country would pin it (docs/leads.md).
      ...(v.nationality !== u.nationality ? { nationality: v.nationality === '' ? null : v.nationality } : {}),
      ...(v.organisation.trim() !== u.organisation ? { organisation: v.organisation.trim() } : {}),
      ...(accesses.join() !== [...u.accesses].sort().join() ? { accesses } : {}),
      ...(disabled !== u.disabled ? { disabled } : {}),
    };
    if (Object.keys(change).length === 0) {
      p.onDone(null);
      return;
    }
    setBusy(true);
    setError(null);
    p.client.updateUser(u.username, change).then(
      (x) => {
        setBusy(false);
        p.onDone(x);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  return (
    <form className="stack user-edit" onSubmit={submit} data-testid="user-edit-form">
      <AccountFieldsEditor v={v} onChange={setV} testId="user-edit" />
      <label className="checkbox">
        <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} data-testid="user-edit-disabled" />
        {t('users.disabled')}
      </label>
      {error !== null && (
        <p className="error server-message" role="alert" data-testid="user-edit-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary small" disabled={busy} data-testid="user-save">
          {t('annotations.saveChanges')}
        </button>
        <button type="button" className="small" onClick={() => p.onDone(null)}>
          {t('annotation.cancel')}
        </button>
      </div>
    </form>
  );
}

function UserCreateForm(p: { readonly client: ApiClient; readonly onCreated: (u: UserAccount) => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [v, setV] = useState<AccountValues>({ role: 'viewer', clearance: 'U', nationality: '', organisation: '', accesses: [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    p.client
      .createUser(username.trim().toLowerCase(), password, {
        role: v.role,
        clearance: v.clearance,
        ...(v.nationality === '' ? {} : { nationality: v.nationality }),
        ...(v.organisation.trim() === '' ? {} : { organisation: v.organisation.trim() }),
        accesses: v.accesses,
      })
      .then(
        (u) => {
          setBusy(false);
          setDone(t('users.created', { user: u.username }));
          setUsername('');
          setPassword('');
          p.onCreated(u);
        },
        (err: unknown) => {
          setBusy(false);
          setError(errorText(t, err));
        },
      );
  };
  return (
    <form className="panel stack" onSubmit={submit} data-testid="user-create-form">
      <h2>{t('users.createTitle')}</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('signin.username')}</label>
          <input id={`${id}-name`} type="text" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} data-testid="user-create-username" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pw`}>{t('users.oneTimePassword')}</label>
          <input id={`${id}-pw`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="user-create-password" />
        </div>
      </div>
      <p className="muted small">{t('users.passwordRule')}</p>
      <AccountFieldsEditor v={v} onChange={setV} testId="user-create" />
      {v.role === 'partner' && <p className="small warning">{t('users.partnerNote')}</p>}
      {error !== null && (
        <p className="error server-message" role="alert" data-testid="user-create-error">
          {error}
        </p>
      )}
      {done !== null && (
        <p className="notice" role="status" data-testid="user-create-done">
          {done}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || username.trim() === '' || password === ''} data-testid="user-create-submit">
        {t('users.create')}
      </button>
    </form>
  );
}

export function UsersPanel(p: { readonly client: ApiClient }): ReactNode {
  const { t, intl } = useI18n();
  const [users, setUsers] = useState<readonly UserAccount[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const reload = useCallback(() => {
    p.client.users().then(
      (u) => {
        setUsers(u);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [p.client]);
  useEffect(reload, [reload]);
  return (
    <div className="admin-panel" data-testid="users-panel">
      <UserCreateForm client={p.client} onCreated={reload} />
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">{t('users.title')}</h2>
        {error !== null && (
          <p className="error" role="alert">
            {errorText(t, error)}{' '}
            <button type="button" className="small" onClick={reload}>
              {t('common.retry')}
            </button>
          </p>
        )}
        {users === null && error === null && <p className="muted">{t('common.loading')}</p>}
        <ul className="user-items">
          {(users ?? []).map((u) => (
            <li key={u.username} className="user-item" data-testid="user-row" data-username={u.username} data-role={u.role} data-nationality={u.nationality} data-clearance={u.clearance}>
              <div className="user-head">
                <strong>{u.username}</strong> <span className="muted">{t(`role.${u.role}`)}</span>
                {u.disabled && <span className="job-badge job-failed"> {t('users.disabled')}</span>}
                {u.mustChangePassword && <span className="job-badge job-queued"> {t('users.mustChange')}</span>}
              </div>
              <div className="small">
                {t('users.summary', {
                  clearance: u.clearance,
                  nationality: `${countryName(u.nationality, intl)} (${u.nationality})`,
                  organisation: u.organisation,
                  accesses: u.accesses.length === 0 ? t('common.none') : u.accesses.join(', '),
                })}
              </div>
              <div className="muted small">{formatIsoLocal(intl, u.createdAt)}</div>
              {editing === u.username ? (
                <UserEditForm
                  client={p.client}
                  user={u}
                  onDone={(x) => {
                    setEditing(null);
                    if (x !== null) reload();
                  }}
                />
              ) : (
                <button type="button" className="small" onClick={() => setEditing(u.username)} data-testid="user-edit">
                  {t('users.edit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
