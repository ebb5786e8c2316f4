// The shell's small helpers for the layout: is this a phone-sized screen (the menu then overlays and starts closed)?
window.wushe = window.wushe || {};
window.wushe.isPhone = () => window.matchMedia("(max-width: 640px)").matches;
// Saves bytes the server made in the page's circuit (e.g. an import's error workbook) as a download.
window.wushe.download = async (name, streamRef) => {
    const buffer = await streamRef.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
};
