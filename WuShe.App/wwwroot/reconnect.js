// Buttons of the Chinese reconnect dialog (Components/ReconnectModal.razor). When the server answers that it no longer
// knows this page's circuit (it was restarted), reconnecting cannot succeed: the page reloads itself.
(() => {
  const modal = document.getElementById("components-reconnect-modal");
  if (!modal) return;
  const reload = () => location.reload();
  modal.addEventListener("click", async (event) => {
    const action = event.target.closest("[data-reconnect]")?.dataset.reconnect;
    if (action === "reload") reload();
    if (action === "retry") {
      modal.className = "components-reconnect-show";
      try {
        if (!(await Blazor.reconnect())) reload();
      } catch {
        modal.className = "components-reconnect-failed";
      }
    }
  });
  new MutationObserver(() => {
    if (modal.classList.contains("components-reconnect-rejected")) setTimeout(reload, 800);
  }).observe(modal, { attributes: true, attributeFilter: ["class"] });
})();
