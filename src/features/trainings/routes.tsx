import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { ApprovalsScreen } from './ApprovalsScreen';
import { TrainingScreen } from './TrainingScreen';
import { TrainingsScreen } from './TrainingsScreen';

export const screens: Screens<typeof paths> = {
  '/trainings': ({ db }) => <TrainingsScreen db={db} />,
  '/trainings/approvals': ({ db, directory }) => <ApprovalsScreen db={db} directory={directory} />,
  '/trainings/:id': ({ db }, params) => <TrainingScreen db={db} id={params.id ?? ''} />,
};
