// Gives a form's heading the focus, and scrolls it to the top of the screen (below the sticky navigation bar) unless
// it is already in the upper half of it, as beside the list on a wide screen.
export function show(heading) {
    heading.focus({ preventScroll: true });
    const top = heading.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 2) heading.scrollIntoView({ block: 'start', behavior: 'instant' });
}
