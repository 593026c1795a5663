/**
 * Bad input data: an invalid scenario, a seed list, a results folder or a store of another batch.
 * The CLI prints its message (exit 2, no usage, no stack); a library caller can tell it apart
 * from a failure of the program. It lives in the lowest layer that raises it.
 */

/** Bad input data (exit 2 on the command line, message only). */
export class InputError extends Error {}
