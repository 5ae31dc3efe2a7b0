import type { Screens } from '../../ui/routes';
import { AdminScreen } from './AdminScreen';
import { AnswerScreen } from './AnswerScreen';
import type { paths } from './paths';
import { ResultsScreen } from './ResultsScreen';
import { SurveysScreen } from './SurveysScreen';

export const screens: Screens<typeof paths> = {
  '/surveys': ({ db, session }) => <SurveysScreen db={db} isHr={session.role === 'hr'} />,
  '/surveys/admin': ({ directory }) => <AdminScreen directory={directory} />,
  '/surveys/results/:id': (_, params) => <ResultsScreen id={params.id ?? ''} />,
  '/surveys/:id': ({ db, directory }, params) => <AnswerScreen db={db} id={params.id ?? ''} directory={directory} />,
};
