// The textarea's text as UTF-8 bytes: Blazor receives them as a stream, so a long report is not cut by the size limit
// of one circuit message. A stream cannot be empty: ask isEmpty first.
export function isEmpty(textarea) {
    return textarea.value.length === 0;
}

export function readText(textarea) {
    return new TextEncoder().encode(textarea.value);
}
