// Copy buttons of the article page (permalink, citation). A separate file, because the site's
// content security policy allows no inline script.
document.addEventListener("click", async (event) => {
    const button = event.target.closest("button.copy");
    if (!button) return;
    const field = document.getElementById(button.dataset.copy);
    if (!field) return;
    field.select();
    try {
        await navigator.clipboard.writeText(field.value);
    } catch {
        // Clipboard API unavailable (plain http, old browser): the text is selected for Ctrl+C.
        document.execCommand?.("copy");
    }
    const label = button.textContent;
    button.textContent = "已复制";
    setTimeout(() => { button.textContent = label; }, 1500);
});
