export * from './lib/sign-in/sign-in.page';
export * from './lib/sign-up/sign-up.page';
export * from './lib/forgot-password/forgot-password.page';
export * from './lib/reset-password/reset-password.page';
export * from './lib/change-password/change-password.page';
