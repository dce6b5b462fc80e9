// Brings the highlighted quote of the source's text into view and gives it the keyboard focus (the text's heading
// when no quote is highlighted).
export function showQuote() {
    const target = document.querySelector('[data-testid=source-text] [data-testid=source-quote]') ?? document.getElementById('source-text-title');
    if (!target) return;
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
}
