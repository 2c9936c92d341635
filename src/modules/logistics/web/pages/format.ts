/** '2026-12-08T08:30' and '2026-12-08T12:00' → '12月8日 08:30–12:00' (the end's date shown when it is another day). */
export function formatSpan(from: string, to: string): string {
  const d = (s: string) => `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  return `${d(from)} ${from.slice(11, 16)}–${to.slice(0, 10) === from.slice(0, 10) ? '' : `${d(to)} `}${to.slice(11, 16)}`;
}
