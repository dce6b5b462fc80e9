// The skip link must move the keyboard focus to the content, not only scroll there; Blazor would treat it as a navigation.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    history.replaceState(history.state, '', link.href);
    document.getElementById('main')?.focus();
}, { capture: true });
