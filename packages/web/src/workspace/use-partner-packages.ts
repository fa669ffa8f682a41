/**
 * The partner portal's data: the packages released to the official's
 * country, the one open with its history and its HTML rendering, all in
 * the language the official reads. The partner has no live feed (the role
 * has no right to it): the portal asks again after each report, and on
 * request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { ReleaseId } from '../api/schema/ids.js';
import type { TextLanguage } from '../api/schema/lead.js';
import type { PackageDetail, PackageList, PartnerUpdateAnswer } from '../api/schema/partner-package.js';
import { packageRenderingUrl } from '../leads/lead-request.js';

export interface PartnerPackages {
  readonly list: PackageList | null;
  readonly listError: unknown;
  readonly reload: () => void;
  readonly openId: ReleaseId | null;
  readonly open: (id: ReleaseId) => void;
  readonly detail: PackageDetail | null;
  readonly detailError: unknown;
  /** The package's HTML rendering (self-contained: inline CSS, no script), or null while it loads. */
  readonly html: string | null;
  readonly htmlError: unknown;
  /** After a report: its answer is the new state and history; the list and the package are read again. */
  readonly updated: (a: PartnerUpdateAnswer) => void;
}

export function usePartnerPackages(client: ApiClient, lang: TextLanguage): PartnerPackages {
  const [list, setList] = useState<PackageList | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<ReleaseId | null>(null);
  const [detail, setDetail] = useState<PackageDetail | null>(null);
  const [detailError, setDetailError] = useState<unknown>(null);
  const [html, setHtml] = useState<string | null>(null);
  const [htmlError, setHtmlError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  const listSeq = useRef(0);
  const reload = useCallback(() => {
    const seq = ++listSeq.current;
    client.partnerPackages(lang).then(
      (l) => {
        if (seq !== listSeq.current) return;
        setList(l);
        setListError(null);
        // The newest package opens first.
        setOpenId((id) => id ?? l.packages[0]?.id ?? null);
      },
      (err: unknown) => seq === listSeq.current && setListError(err),
    );
  }, [client, lang]);
  useEffect(reload, [reload]);

  useEffect(() => {
    if (openId === null) return undefined;
    const ctl = new AbortController();
    setDetailError(null);
    client.partnerPackage(openId, lang, ctl.signal).then(
      (d) => setDetail(d),
      (err: unknown) => !ctl.signal.aborted && setDetailError(err),
    );
    return () => ctl.abort();
  }, [client, openId, lang, version]);

  // The rendering is immutable: read once per package and language, not after each report.
  useEffect(() => {
    if (openId === null) return undefined;
    const ctl = new AbortController();
    setHtml(null);
    setHtmlError(null);
    client.rendering(packageRenderingUrl(openId, 'html', lang), ctl.signal).then(
      (b) => b.text().then((t) => !ctl.signal.aborted && setHtml(t)),
      (err: unknown) => !ctl.signal.aborted && setHtmlError(err),
    );
    return () => ctl.abort();
  }, [client, openId, lang]);

  const open = useCallback((id: ReleaseId) => {
    setOpenId(id);
    setDetail((d) => (d?.id === id ? d : null));
  }, []);

  const updated = useCallback(
    (a: PartnerUpdateAnswer) => {
      setDetail((d) => (d === null || d.id !== a.id ? d : { ...d, status: a.status, nextStates: a.nextStates, history: a.history }));
      reload();
      setVersion((v) => v + 1);
    },
    [reload],
  );

  return { list, listError, reload, openId, open, detail, detailError, html, htmlError, updated };
}
