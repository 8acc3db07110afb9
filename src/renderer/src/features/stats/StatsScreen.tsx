import type { DayCount, PeriodStats } from '../../../../shared/contract/review-models';
import { useApp } from '../../app-context';
import { useCommand } from '../../core-client/use-command';
import { formatDuration, formatPercent } from '../review/format';

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** A study day's name from its YYYY-MM-DD date (formatted at UTC, so the date is never shifted). */
const dayName = (d: DayCount, format = weekday) => format.format(new Date(`${d.date}T00:00:00Z`));

/** Honest basic numbers from the review log: each with its number, zero shown as zero. */
export function StatsScreen() {
  const app = useApp();
  const { state } = useCommand('stats.overview', {}, app.version);
  return (
    <section className="screen stats-screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Stats</h1>
      </header>
      {state.status === 'loading' && <p className="quiet">Counting…</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <section className="stats-block" aria-labelledby="stats-reviews">
            <h2 id="stats-reviews">Reviews</h2>
            <table className="stats-table">
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col">Today</th>
                  <th scope="col">Last 30 days</th>
                </tr>
              </thead>
              <tbody>
                <PeriodRow label="Reviews" pick={(p) => p.reviews} today={state.data.today} month={state.data.last30Days} />
                <PeriodRow label="New cards studied" pick={(p) => p.newCards} today={state.data.today} month={state.data.last30Days} />
                <PeriodRow
                  label="Retention"
                  pick={(p) => (p.matureReviews === 0 ? 'no reviews yet' : `${formatPercent(p.retention)} (${p.matureReviews - p.lapses} of ${p.matureReviews})`)}
                  today={state.data.today}
                  month={state.data.last30Days}
                />
                <PeriodRow label="Practice answers" pick={(p) => p.previews} today={state.data.today} month={state.data.last30Days} />
                <PeriodRow label="Time studying" pick={(p) => formatDuration(p.timeMs)} today={state.data.today} month={state.data.last30Days} />
              </tbody>
            </table>
            <p className="quiet stats-note">
              Retention: of the reviews of cards already in the review state, the share not answered Again. Practice answers (studying
              ahead) never count.
            </p>
          </section>

          <section className="stats-block" aria-labelledby="stats-due">
            <h2 id="stats-due">Due in the next 7 days</h2>
            <Bars days={state.data.dueNext7Days} label={(d, i) => (i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : dayName(d))} unit="due" />
            <p className="quiet stats-note">Cards already studied, by the day they fall due; today includes overdue cards. New cards are not counted.</p>
          </section>

          <section className="stats-block" aria-labelledby="stats-states">
            <h2 id="stats-states">Cards</h2>
            <table className="stats-table">
              <tbody>
                {(
                  [
                    ['New', state.data.cardsByState.new],
                    ['Learning', state.data.cardsByState.learning],
                    ['Review', state.data.cardsByState.review],
                    ['Relearning', state.data.cardsByState.relearning],
                    ['Suspended', state.data.cardsByState.suspended],
                    ['Buried', state.data.cardsByState.buried],
                  ] as const
                ).map(([label, n]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="num">{n}</td>
                    <td className="bar-cell" aria-hidden="true">
                      <span className="bar" style={{ width: `${state.data.cardsByState.total ? (100 * n) / state.data.cardsByState.total : 0}%` }} />
                    </td>
                  </tr>
                ))}
                <tr className="total-row">
                  <th scope="row">Total</th>
                  <td className="num">{state.data.cardsByState.total}</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </section>

          <section className="stats-block" aria-labelledby="stats-daily">
            <h2 id="stats-daily">Reviews per day, last 30 days</h2>
            <Bars days={state.data.reviewsPerDay} label={(d, i) => (i === 29 ? 'Today' : dayName(d, shortDate))} unit="reviews" compact />
          </section>
        </>
      )}
    </section>
  );
}

function PeriodRow({
  label,
  pick,
  today,
  month,
}: {
  label: string;
  pick: (p: PeriodStats) => string | number;
  today: PeriodStats;
  month: PeriodStats;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{pick(today)}</td>
      <td className="num">{pick(month)}</td>
    </tr>
  );
}

/** A table of days with a CSS bar each; the number is always written beside its bar. */
function Bars({ days, label, unit, compact = false }: { days: DayCount[]; label: (d: DayCount, i: number) => string; unit: string; compact?: boolean }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  return (
    <table className={`stats-table bars${compact ? ' bars-compact' : ''}`}>
      <tbody>
        {days.map((d, i) => (
          <tr key={d.date}>
            <th scope="row">{label(d, i)}</th>
            <td className="num" aria-label={`${d.count} ${unit}`}>
              {d.count}
            </td>
            <td className="bar-cell" aria-hidden="true">
              <span className="bar" style={{ width: `${(100 * d.count) / max}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
