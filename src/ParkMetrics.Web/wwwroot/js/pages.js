// What the server-rendered pages do with script, started when a page loads and again after each enhanced navigation
// (Blazor's 'enhancedload'): draw the charts, switch a chart to its table and back, download a chart's PNG, filter the
// indicator list as one types, bring a highlighted quote into view, and open figure dialogs in browsers without the
// command attribute. Everything here is an addition: without it every page is readable (see the end of wwwroot/app.css).
import { render, downloadPng, resizeAll } from '../Components/Shared/ChartView.razor.js';

function startCharts(root) {
    root.querySelectorAll('canvas[data-chart]').forEach(canvas => {
        try {
            render(canvas);
        } catch (e) {
            // A chart that cannot be drawn falls back to its table.
            canvas.closest('.chart-view')?.setAttribute('data-view', 'table');
            console.warn('chart not drawn', e);
        }
    });
}

function showView(figure, view) {
    figure.setAttribute('data-view', view);
    figure.querySelectorAll('[data-chart-show]').forEach(b => {
        const on = b.getAttribute('data-chart-show') === view;
        b.setAttribute('aria-pressed', String(on));
        b.classList.toggle('btn-secondary', on);
        b.classList.toggle('btn-outline-secondary', !on);
    });
    const png = figure.querySelector('[data-chart-png]');
    if (png) png.disabled = view === 'table';
}

function startQuote() {
    const quote = document.querySelector('[data-focus-quote] [data-testid=source-quote]');
    if (!quote || quote.dataset.shown) return;
    quote.dataset.shown = '1';
    quote.tabIndex = -1;
    quote.focus({ preventScroll: true });
    quote.scrollIntoView({ block: 'center' });
}

function start() {
    startCharts(document);
    startQuote();
}

document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const show = target.closest('[data-chart-show]');
    if (show) {
        showView(show.closest('.chart-view'), show.getAttribute('data-chart-show'));
        return;
    }
    const png = target.closest('[data-chart-png]');
    if (png) {
        const canvas = png.closest('.chart-view')?.querySelector('canvas[data-chart]');
        if (canvas) downloadPng(canvas);
        return;
    }
    // Browsers without invoker commands (command="show-modal"): open the dialog here.
    const invoker = target.closest('button[commandfor][command]');
    if (invoker && !('command' in HTMLButtonElement.prototype)) {
        const dialog = document.getElementById(invoker.getAttribute('commandfor'));
        if (invoker.getAttribute('command') === 'show-modal') dialog?.showModal();
        else if (invoker.getAttribute('command') === 'close') dialog?.close();
        return;
    }
    // Browsers without closedby="any": a click on the backdrop (the dialog element itself) closes it.
    if (target instanceof HTMLDialogElement && target.open && !('closedBy' in HTMLDialogElement.prototype)) {
        const r = target.getBoundingClientRect();
        if (event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom) target.close();
    }
});

// The indicator list filters as one types; without script the same filter is a GET form (?q=).
document.addEventListener('input', event => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.matches('[data-filter-list]')) return;
    const list = document.getElementById(input.getAttribute('data-filter-list'));
    if (!list) return;
    const words = input.value.trim().toLowerCase();
    let shown = 0;
    list.querySelectorAll('[data-filter-text]').forEach(item => {
        const match = !words || item.getAttribute('data-filter-text').toLowerCase().includes(words);
        item.hidden = !match;
        if (match) shown++;
    });
    list.querySelectorAll('[data-filter-group]').forEach(group => {
        group.hidden = !group.querySelector('[data-filter-text]:not([hidden])');
    });
    const empty = document.getElementById(input.getAttribute('data-filter-empty'));
    if (empty) empty.hidden = shown > 0;
});

// A select that changes the comparison submits its form; a new indicator or period drops the choices that belonged to the old one.
document.addEventListener('change', event => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.matches('[data-autosubmit]') || !select.form) return;
    const form = select.form;
    const resets = select.getAttribute('data-resets');
    if (resets) document.getElementById(resets)?.setAttribute('disabled', '');
    form.querySelectorAll('input[name=parks]').forEach(box => { box.disabled = true; });
    form.requestSubmit();
});

// The Print button of a park's page (hidden without script, where the browser's own print does the same).
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});

window.addEventListener('beforeprint', resizeAll);
window.addEventListener('afterprint', resizeAll);

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
// After a navigation inside the app the keyboard starts at the new page's heading, as a screen reader user expects
// (a fresh load starts at the skip link, as on any web page; a link to a place in the page goes there). A quote to
// show takes the focus instead.
function focusHeading() {
    if (location.hash || document.querySelector('[data-focus-quote]')) return;
    const heading = document.querySelector('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
}

// Blazor may settle the focus on the clicked link after its own update, later on a slow machine: the heading takes it
// back until the reader moves it (a key or a pointer), for up to ten seconds.
function keepHeadingFocus() {
    const takeBack = event => {
        if (!(event.target instanceof Element) || !event.target.closest('main, dialog')) focusHeading();
    };
    const stop = () => {
        document.removeEventListener('focusin', takeBack, true);
        document.removeEventListener('keydown', stop, true);
        document.removeEventListener('pointerdown', stop, true);
        clearTimeout(timer);
    };
    document.addEventListener('focusin', takeBack, true);
    document.addEventListener('keydown', stop, true);
    document.addEventListener('pointerdown', stop, true);
    const timer = setTimeout(stop, 10000);
}

// A link in a figure's dialog leads away: the dialog closes first, or the next page would open under it.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('dialog[open] a[href]') : null;
    if (link && !link.target) link.closest('dialog').close();
}, { capture: true });

// blazor.web.js runs before this module (modules are deferred): after an enhanced navigation the new page starts too.
window.Blazor?.addEventListener?.('enhancedload', () => {
    document.querySelectorAll('dialog[open]').forEach(d => d.close());
    // After the address has changed too (Blazor updates it after the content).
    setTimeout(() => {
        focusHeading();
        start();
    }, 0);
    keepHeadingFocus();
});
