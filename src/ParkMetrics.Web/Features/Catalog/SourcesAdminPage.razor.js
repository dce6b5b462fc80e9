// The textarea's text as UTF-8 bytes: Blazor receives them as a stream, so a long report is not cut by the size limit
// of one circuit message.
export function readText(textarea) {
    return new TextEncoder().encode(textarea.value);
}
