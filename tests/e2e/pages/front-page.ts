/** The front page: the newest teasers, paginated at /page/n/. */
import { ListingPage } from './listing-page.ts';

export class FrontPage extends ListingPage {
  goto(pageNumber = 1) {
    return this.open(pageNumber === 1 ? '' : `page/${pageNumber}/`);
  }
}
