import type { SurveyResults } from '../../domain/surveys/results';
import { useT } from '../../i18n/language';
import { surveysWords } from './words';

/**
 * A plain table of results (S4) until the results views of issue 18's other half replace it:
 * every group the viewer may see, a hidden figure said as hidden, never a number.
 */
export function ResultsTable({ results }: { results: SurveyResults }) {
  const t = useT(surveysWords);
  const name = (g: SurveyResults['groups'][number]) =>
    g.key === 'all' ? t.surveys.whole : g.dimension === 'otherKakari' ? t.surveys.otherKakari(g.name) : g.name;
  return (
    <div>
      <h2>
        {t.surveys.results}: {results.title}
      </h2>
      {results.questions.map((q) => (
        <table key={q.id} className="survey-table">
          <caption>{q.text}</caption>
          <thead>
            <tr>
              <th scope="col">{t.surveys.group}</th>
              <th scope="col">{t.surveys.n}</th>
              <th scope="col">{t.surveys.mean}</th>
              <th scope="col">{t.surveys.sd}</th>
            </tr>
          </thead>
          <tbody>
            {results.groups.map((g) => {
              const f = g.figures[q.id];
              if (f === undefined) return null;
              return (
                <tr key={g.key}>
                  <th scope="row">{name(g)}</th>
                  {f === 'hidden' ? (
                    <td colSpan={3}>{t.surveys.hidden}</td>
                  ) : (
                    <>
                      <td>{f.n}</td>
                      <td>{f.mean === undefined ? '' : f.mean.toFixed(3)}</td>
                      <td>{f.sd === undefined ? '' : f.sd.toFixed(3)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
      {Object.entries(results.texts).map(([qid, byGroup]) =>
        Object.entries(byGroup).map(([key, texts]) => (
          <section key={`${qid}-${key}`}>
            <h3>
              {t.surveys.texts} ({key === 'all' ? t.surveys.whole : key})
            </h3>
            <ul>
              {texts.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          </section>
        )),
      )}
    </div>
  );
}
