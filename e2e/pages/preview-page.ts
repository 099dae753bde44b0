import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/manage/editions/:id/preview`: the draft as the public page will show it, marked not public. */
export class PreviewPage extends AbstractPage {
  readonly banner: Locator;
  readonly actions: Locator;

  private constructor(page: Page) {
    super(page);
    this.banner = page.locator(".ds_notification");
    this.actions = this.main.locator("ol.wm-actions > li");
  }

  static async verifyOnPage(page: Page, theme: string): Promise<PreviewPage> {
    const preview = new PreviewPage(page);
    await preview.checkHeading(theme);
    await preview.banner.getByText("Draft preview: not public").waitFor();
    return preview;
  }
}
