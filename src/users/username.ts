/**
 * The rule for a user name, wherever an account is made (the admin pages, `npm run admin:create`):
 * lower-case ASCII letters and digits, dots, underscores and dashes, 3–50 characters, starting with
 * a letter or a digit. Sign-in lower-cases what is typed, so names are stored lower-case.
 */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;
