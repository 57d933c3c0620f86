/** For specs of the web libraries and app only: never imported by shipped code. */
export { TEST_SESSION } from './lib/auth/session.fixture';
