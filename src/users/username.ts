/**
 * The rule for a user name, wherever an account is made (the admin pages, `npm run admin:create`):
 * lower-case ASCII letters and digits, dots, underscores and dashes, 3–50 characters, starting with
 * a letter or a digit, with at least one letter: sign-in reads 12 digits however separated
 * ("001.088.002.222") as a CCCD, so a name of digits alone could never sign in. Sign-in lower-cases
 * what is typed, so names are stored lower-case.
 */
export const USERNAME_PATTERN = /^(?=[a-z0-9._-]*[a-z])[a-z0-9][a-z0-9._-]{2,49}$/;
