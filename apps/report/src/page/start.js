// @ts-check
// The page script, last part: build the page.
main();
