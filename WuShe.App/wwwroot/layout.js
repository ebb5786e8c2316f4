// The shell's small helpers for the layout: is this a phone-sized screen (the menu then overlays and starts closed)?
window.wushe = window.wushe || {};
window.wushe.isPhone = () => window.matchMedia("(max-width: 640px)").matches;
