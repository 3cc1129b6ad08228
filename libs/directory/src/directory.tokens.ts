/** DI token of the CustomerDirectory (libs/directory/src/customer-directory.ts). */
export const CUSTOMER_DIRECTORY = Symbol('CUSTOMER_DIRECTORY');
