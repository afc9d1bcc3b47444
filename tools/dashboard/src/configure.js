// The channel tab's configuration page: the tab shows each viewer the teams they lead or oversee (the API decides),
// so there is nothing to choose; saving points the tab at the dashboard.
import { app, pages } from "@microsoft/teams-js";

const root = document.getElementById("app");

async function start() {
  await app.initialize();
  const context = await app.getContext();
  const lang = String(context.app?.locale || "").toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
  const texts = await (await fetch(`/api/dashboard/texts?lang=${lang}`)).json();
  document.documentElement.lang = lang;
  const heading = document.createElement("h1");
  heading.textContent = texts.title;
  const hint = document.createElement("p");
  hint.textContent = texts.configureHint;
  root.replaceChildren(heading, hint);
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig({ entityId: "my-teams", contentUrl: `${location.origin}/dashboard/?view=today`, websiteUrl: `${location.origin}/dashboard/?view=today`, suggestedDisplayName: texts.title })
      .then(() => save.notifySuccess(), (error) => save.notifyFailure(String(error)));
  });
  pages.config.setValidityState(true);
}

start().catch((error) => {
  root.textContent = String(error?.message ?? error);
});
