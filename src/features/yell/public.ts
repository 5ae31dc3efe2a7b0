/** What エール offers other features: a person's エール on their profile, and how a date is shown. */
export { ProfileYells } from './ProfileYells';
export { shortDate } from './YellCard';
// The エール cards' styles, for every screen that shows one.
import './yell.css';
