import { deu, eng, fra, ind, ita, nld, por, rus, spa } from 'stopword/dist/stopword.esm.mjs';
import type { RulePack } from '../core/types.js';

// English and the other space-delimited languages the pages come in. Function words come from the
// `stopword` package (maintained lists for 60 languages) rather than a list of our own.
export const en = {
  id: 'en',
  boilerplate: [
    {
      id: 'en/read-more',
      reason: 'read-more',
      pattern: /^[[(<«]*\s*(?:read more|read the full (?:story|article)|continue reading|full story|more|more »|see more|view more|show more|load more|click here(?: to read more)?|keep reading|read full article|learn more|find out more|read on|details|more news|more stories|see all|view all|expand)\s*(?:[.…»›>)\]]|&gt;)*$/u,
    },
    {
      id: 'en/share',
      reason: 'share',
      pattern: /^(?:share(?: this(?: article| story| post)?)?(?: on| via)?|tweet|email|e-mail|print|pin it|facebook|twitter|linkedin|reddit|whatsapp|pinterest|tumblr|digg|stumbleupon|google\+|share on (?:facebook|twitter|linkedin)|like|follow us|follow|subscribe|sign up|sign in|log in|login|register|comments?|\d+ comments?|no comments|leave a comment|reply|permalink|bookmark|save|save article|print this(?: article| page)?|email this(?: article| page)?|text size|font size|[-+]?\s*a\s*[-+]?|sharing is caring!?|[\d,.]+k? ?shares?)(?:\s*[|/·•:,]\s*(?:facebook|twitter|linkedin|email|print|reddit|whatsapp|pinterest|share|tweet|google\+|comments?))*\s*[:]?$/u,
    },
    {
      id: 'en/copyright',
      reason: 'footer',
      pattern: /^(?=.{0,400}$)(?:(?:©|copyright|\(c\))\s*(?:[@©]\s*)?(?:\d{4}|[a-z])|.*(?:all rights reserved|terms of (?:use|service)|privacy policy|cookie policy|do not sell my|this material may not be published)|powered by )/u,
    },
    {
      id: 'en/call-to-action',
      reason: 'share',
      // Only on short lines: an article may well mention a newsletter in a sentence.
      pattern: /^(?=.{0,120}$).*\b(?:subscribe|subscribed|subscription|newsletter|sign up|signup|click here|clicking here|download (?:our|the) app|follow us|get (?:breaking|the latest) .{0,40}news|start your day with|delivered (?:to your inbox|weekday mornings)|meet your inbox|like us on|follow @\w+|follow me on|follow \S+ on$|share (?:it|this(?: story| article| post)?) with (?:a friend|your friends)|(?:do you |did you )?(?:like|enjoy(?:ed)?|love) this (?:story|article|post)(?=\?)|find us on|view all \(\d+\)|view gallery|watch video|watch the video|see also|click to (?:share|email|print|tweet|pin)|opens in (?:a )?new window)\b/u,
    },
    {
      // A longer plug for the site's newsletter: a sentence that tells the reader to sign up, with
      // the newsletter or the inbox in it. "1 million people subscribe to her newsletter" is news.
      id: 'en/newsletter-plug',
      reason: 'share',
      pattern: /^(?=.{0,400}$)(?:.*[.!?]\s+)?(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|inbox)\b/u,
    },
    {
      id: 'en/ad-slot',
      reason: 'ad',
      pattern: /^(?:view full size|enlarge (?:this )?(?:image|photo)|advertisement|advertising|advert|ad|ads|sponsored|sponsored content|promoted|story continues below(?: advertisement)?|continue reading (?:below|the main story)|article continues below(?: advertisement)?|\(?ad\)?|- advertisement -|scroll to continue with content)$/u,
    },
    {
      id: 'en/disclaimer',
      reason: 'footer',
      // The legal notes a site prints under every page: trademarks, the FDA line, medical and
      // investment advice, results that vary. Anchored at the start so an article may quote them.
      pattern: /^(?=.{0,600}$)[*+†‡]?\s*(?:(?:[\p{L}\d.&'-]+(?: [\p{L}\d.&'-]+){0,3}, ){2,}(?:and )?[\p{L}\d.&' -]{1,60} (?:is|are) (?:a |the )?(?:registered )?trade ?marks? of\b|these statements have not been evaluated by the food and drug administration|(?:individual )?results (?:may )?vary\b|consult (?:your|a) (?:physician|doctor|healthcare provider) before\b|consult (?:your|a) (?:physician|doctor) and\b|the (?:information|content|contents|material) (?:provided |contained |published )?(?:on|in) this (?:web ?site|site|page|blog)\b.{0,200}\b(?:for (?:general )?(?:informational|educational|information) purposes|not (?:intended|a substitute)|us audience)|this (?:article|content|post) is for (?:general )?(?:informational|educational) purposes only)/u,
    },
    {
      id: 'en/author-bio',
      reason: 'footer',
      // The note about the writer that closes many articles.
      pattern: /^(?=.{0,300}$).*\b(?:is (?:a|an|the) (?:[\w-]+ ){0,3}(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|producer|intern)s? (?:for|at|with|on)\b|(?:can|may) be reached at\b|follow (?:him|her|them) on (?:twitter|facebook|instagram)|have a (?:news )?tip\?|^(?:write|email|contact) (?:to )?.{2,60} at \S+@\S+)/u,
    },
    {
      // "Related: SpaceX's Starship…", "READ MORE: …": a link to another story set inside the text.
      id: 'en/inline-link',
      reason: 'teaser',
      pattern: /^(?=.{0,200}$)(?:related|read more|read also|also read|see also|more|recommended|watch|listen|trending|(?:photos|pictures|videos?|gallery|slideshow)(?: from [\p{L}.' ]{1,20})?)\s*[:：|]\s+(?:\S+\s+){2,}\S.*$/u,
    },
    {
      id: 'en/video-teaser',
      reason: 'teaser',
      pattern: /^(?=.{0,150}$)(?:also on [\w.-]+\b.*|.+\s(?:video|photos|gallery|\(video\)))$/u,
    },
    {
      id: 'en/needs-script',
      reason: 'nav',
      pattern: /^(?=.{0,200}$).*\b(?:requires javascript|enable javascript|javascript (?:is )?(?:disabled|required)|your browser does not support)\b/u,
    },
    {
      id: 'en/cookie',
      reason: 'footer',
      pattern: /(?:we use cookies|uses cookies|accept (?:all )?cookies|cookie settings|by continuing to (?:use|browse)|you agree to (?:our|the) use of cookies)/u,
    },
    {
      id: 'en/nav-words',
      reason: 'nav',
      exact: ['home', 'menu', 'search', 'skip to content', 'skip to main content', 'skip navigation', 'main menu', 'navigation',
        'toggle navigation', 'close', 'open', 'back to top', 'top', 'next', 'previous', 'prev', 'next article', 'previous article',
        'next post', 'previous post', 'newer post', 'older post', 'newsletter', 'subscribe now', 'loading...', 'loading', 'watch', 'video', 'photos', 'gallery', 'tags',
        'tags:', 'topics', 'topics:', 'related topics', 'filed under', 'filed under:', 'categories', 'categories:', 'archives',
        'share this:', 'like this:', 'sections', 'edition', 'sign in', 'my account', 'account', 'all', 'go', 'submit', 'x',
        'english', 'español', 'log out', 'logout', 'about us', 'contact us', 'contact', 'about', 'help', 'faq', 'sitemap',
        'site map', 'careers', 'jobs', 'rss', 'feeds', 'mobile', 'apps', 'weather', 'today', 'more from', 'you may also like'],
    },
    {
      id: 'en/image-placeholder',
      // lynx prints an image without alt text as "[image.gif]" and an ad frame as "[INS: :INS]":
      // pictures sit inside articles as often as around them, so they are layout, not navigation.
      reason: 'decoration',
      // Without an extension the file name still shows: "[grey_bg]", "[shutterstock_106447427-300x200]";
      // a CDN's image key is one long token of letters and digits (which lynx may wrap once); an
      // alt text left as the file's name is one token with an underscore and a digit ("010_Clymer-1").
      pattern: /^(?:\[[^\]\s]{0,80}\.(?:gif|jpe?g|png|webp|svg|bmp)\]|\[(?:image|img|inline|ins: ?:ins|ins:|:ins)[^\]]*\]|\[ins: :ins\]|\[[a-z][a-z0-9]*[_-][a-z0-9_-]{0,60}\]|\[(?=[^\]]*\d)[a-z0-9_-]{24,}(?: [a-z0-9_-]+)?\]|(?=\S*\d)[a-z0-9]+(?:[-.][a-z0-9]+)*_[a-z0-9]+(?:[-_.][a-z0-9]+)*)$/u,
    },
    {
      // A slideshow's counter ("Image 1 of 5", "Photo 3/12", "图 2/6") is part of the pictures.
      id: 'en/gallery-counter',
      reason: 'decoration',
      pattern: /^(?:image|photo|picture|slide|foto|imagem|imagen|bild|图片?|圖片?)\s*\d{1,3}\s*(?:of|\/|de|von|di|van|из)\s*\d{1,3}$/u,
    },
    {
      id: 'en/form-widget',
      reason: 'nav',
      // Buttons, frames and input fields as lynx and w3m draw them.
      pattern: /^(?:\[(?:button|iframe)[^\]]*\]|\(button\).{0,40}|_{3,}|iframe)$/u,
    },
    {
      id: 'en/embed',
      reason: 'ad',
      // lynx and w3m print frames and bare links as lines of their own; like ads, embeds sit
      // inside articles as often as around them.
      pattern: /^(?:iframe:|\[?iframe\]?|embed:)(?:\s*\S*)$|^(?:https?:\/\/|www\.)\S+(?: \S+)?$/u,
    },
    {
      // The page's keywords after the text: "Tags: Huawei, ZTE", "In This Article: Doobie Brothers, …".
      id: 'en/tag-list',
      reason: 'nav',
      pattern: /^(?=.{0,300}$)(?:tags|tagged(?: with)?|topics|related topics|filed under|posted in|categories|keywords|in this article|more about|etiquetas|temas|schlagwörter|mots-clés)\s*:.*$/u,
    },
    {
      // "By Amy Kuperinsky | NJ Advance Media for NJ.com": the byline, which is metadata, not text.
      // "By the river" is a phrase: a name does not start with a function word.
      id: 'en/byline-line',
      reason: 'nav',
      pattern: /^by (?!(?:the|a|an|this|that|then|now|way|far|all|any|some|no|his|her|their|its|our|my|your|car|train|plane|air|sea|land|night|day|hand)\b)[\p{L}.'’-]+(?: [\p{L}.'’-]+){1,3}(?: ?[,|] ?.{1,60}| and [\p{L}.'’-]+(?: [\p{L}.'’-]+){1,3})?$/u,
    },
    {
      // "Natasha Turak@NatashaTurak": the writer's name and account, on a line of its own.
      id: 'en/byline-handle',
      reason: 'nav',
      pattern: /^[\p{L}.'’-]+(?: [\p{L}.'’-]+){1,2} ?@\w{2,15}$/u,
    },
    {
      // A photo's cut caption with its enlarge link ("Protesters gather... View full size"). Its own
      // rule under a length guard: inside en/ad-slot it made every short line a scan.
      id: 'en/view-full-size',
      reason: 'ad',
      pattern: /^(?=.{0,140}$).{1,120}\.\.\. ?view full size$/u,
    },
    {
      // A share bar drawn as a row of network names ("Whatsapp Facebook Pint Baixar").
      id: 'en/share-row',
      reason: 'share',
      pattern: /^(?:(?:whatsapp|facebook|twitter|pinterest|pint|linkedin|reddit|email|e-mail|telegram|messenger|tumblr|flipboard|print|tweet|sms|copy link|baixar|imprimir|compartilhar|compartir|partager|teilen|drucken)(?: +|$)){2,}$/u,
    },
    {
      // A magazine's subscription offer: "12 issues for £11.99", "delivered through your letterbox".
      id: 'en/subscription-offer',
      reason: 'ad',
      pattern: /^(?=.{0,400}$).*\b(?:\d+ issues for|delivered (?:to|through) your (?:door|letterbox|letter box|mailbox))\b/u,
    },
    {
      // A plug with a price and a code to type in is an advertisement, even a long one.
      id: 'en/promo-code',
      reason: 'ad',
      pattern: /^(?=.{0,800}$)(?=.*(?:[$£€₹¥]|\brs\.?|\busd|\beur)\s?\d).*\b(?:use|enter|apply) (?:the |our |promo |coupon |discount |voucher )*code\b/u,
    },
    {
      id: 'en/byline-time',
      reason: 'nav',
      pattern: /^(?:posted|published|updated|last updated|first published)(?: on| at)?:?\s+.{0,40}\d.{0,40}$/u,
    },
  ],
  trendingHeaders: [
    {
      id: 'en/related',
      pattern: /^(?:most (?:read|popular|viewed|shared|emailed|commented)|trending(?: now| stories| news)?|popular(?: now| stories| posts| articles)?|related(?: articles?| stories| posts| news| content| coverage| links| topics| reading| videos?)?|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|recommended(?: for you| stories| articles| reading)?|more (?:stories|news|articles|from|on|in|headlines|top stories)\b.{0,40}|read (?:next|also)|also read|see also|top stories|latest(?: news| stories| headlines| posts| articles)?|editor'?s picks|don'?t miss|what'?s hot|hot topics|around the web|from around the web|promoted stories|sponsored stories|recent posts|recent articles|popular posts|featured(?: stories| articles| posts)?|in case you missed it|more in [\p{L} ]{1,30}|more from [\p{L} .]{1,40}|elsewhere on [\p{L} .]{1,30}|today'?s headlines|headlines|breaking news|news feed)[:.]?$/u,
    },
    {
      // The same headers in the other languages the stopword lists cover (Portuguese, Spanish,
      // French, German, Italian, Dutch, Indonesian, Russian).
      id: 'en/related-other-languages',
      pattern: /^(?:(?:artigos|notícias|posts|matérias|artículos|noticias|entradas) relacionad[oa]s|veja também|leia também|lea también|ver también|te puede interesar|(?:você|vc) (?:também )?(?:pode|poderá) gostar|también te puede gustar|te puede gustar|vous aimerez aussi|vous aimerez peut-être aussi|das könnte (?:dich|sie) auch interessieren|articles? (?:similaires|liés)|(?:à )?lire aussi|sur le même sujet|ähnliche (?:artikel|beiträge)|verwandte artikel|weitere (?:artikel|beiträge|nachrichten)|das könnte sie auch interessieren|articoli (?:correlati|simili)|leggi anche|potrebbe interessarti|gerelateerde (?:artikelen|berichten)|lees ook|meer nieuws|terkait|artikel terkait|berita terkait|baca juga|читайте также|похожие (?:статьи|материалы|новости)|другие новости)(?:[:.]|\.\.\.|…)?$/u,
    },
  ],
  endMarkers: [
    {
      // A bare "Comments" or "12 comments" is as often a link next to the headline as the header of
      // the thread; it ends the article only when post headers follow.
      id: 'en/comments-link',
      reason: 'comment',
      soft: true,
      pattern: /^(?:comments?|\d+\s+(?:comments?|responses?|replies)|comments? \(\d+\)|show comments|view comments|reader comments(?: \(?\d+\)?)?)[:.]?$/u,
    },
    {
      // The writer's box under the text, in the languages the corpus has.
      id: 'en/author-box',
      reason: 'footer',
      pattern: /^(?:about the (?:author|writer|reporter)s?|more (?:from|by) (?:this|the) (?:author|writer)|sobre (?:o autor|a autora|el autor|la autora)|acerca del autor|über (?:den autor|die autorin)|à propos de l'auteur|об авторе|sull'autore)[:.]?$/u,
    },
    {
      // The list of sources a fact check or an encyclopedia entry closes with: a bibliography, not text.
      id: 'en/sources',
      reason: 'footer',
      pattern: /^(?:sources?|references|works cited|bibliography|external links|fuentes|referências|quellen|einzelnachweise)[:.]?$/u,
    },
    {
      // "About Jane Doe" names the writer, but "About Face" may head a section of the text: soft,
      // so it ends the article only when the next block repeats the name (the box's name line or
      // a bio that starts with it).
      id: 'en/author-box-named',
      reason: 'footer',
      soft: true,
      pattern: /^(?:about|sobre|über|à propos de|acerca de|a proposito di|over|о|об) (?!(?:the|this|that|these|those|us|our|me|my|it|a|an|o|a|os|as|el|la|los|las|le|les|der|die|das|il|lo|de|het|een)\b)\p{L}[\p{L}'’.-]*(?: \p{L}[\p{L}'’.-]*){1,2}$/u,
    },
    {
      id: 'en/comments-start',
      reason: 'comment',
      pattern: /^(?:leave a (?:reply|comment)|post a comment|no comments yet\.?|anything to add\??|all comments are moderated\b.*|be the first to comment\.?|(?:log ?in|sign in|register|subscribe) to (?:comment|reply|post a comment)\b.{0,40}|add (?:a|your) comment|join the (?:discussion|conversation)|what do you think\??|\d+ thoughts on .{1,120}|(?:one|two|three|\d+) (?:thoughts?|responses?|comments?) (?:on|to) .{1,200}|comments? are closed\.?|comments for this (?:thread|post|article) are now closed\.?|you must be logged in to post a comment\.?|speak your mind|have your say|comment on this (?:story|article))[:.]?$/u,
    },
    {
      id: 'en/footer-start',
      reason: 'footer',
      pattern: /^(?:about us|contact us|privacy policy|terms of (?:use|service)|site map|sitemap|advertise(?: with us)?|careers)(?:\s*[|·•/-]\s*\p{L}(?:[\p{L} ]{0,28}\p{L})?){2,}$/u,
    },
  ],
  stamps: [
    {
      id: 'en/name-date-time',
      // A date (month name or numeric) and a time of day on one short line: "Chris 07.15.12 at 12:43".
      pattern: /^(?=.{0,160}$)(?=.*\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\b)(?=.*(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(?:yesterday|today)\b))/u,
    },
    // "SD, on November 7th, 2012 // Twitter: @x": a name and a posting date with no time.
    { id: 'en/name-on-date', pattern: /^(?=.{0,140}$)[^.!?]{1,40}?,?\s(?:on|said on|wrote on|posted on)\s(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}|\d{1,2}(?:st|nd|rd|th)?\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s\d{4})\b/u },
    // "Jane Doe says:"; a phrase with a comma ("He said, she said") is a subheading.
    { id: 'en/says', pattern: /^[^,;!?]{1,80}\s(?:says|said|wrote|writes|replied)\s*:?$/u },
    { id: 'en/time-ago', pattern: /^.{0,80}\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b.{0,40}$/u },
  ],
  categories: [
    {
      id: 'en/category',
      exact: ['world', 'us', 'u.s.', 'uk', 'politics', 'business', 'tech', 'technology', 'science', 'health', 'sports', 'sport',
        'entertainment', 'arts', 'culture', 'opinion', 'style', 'travel', 'food', 'lifestyle', 'economy', 'markets', 'money',
        'national', 'local', 'international', 'asia', 'europe', 'africa', 'americas', 'middle east', 'china', 'news', 'video',
        'analysis', 'features', 'environment', 'education', 'media', 'life', 'crime', 'law', 'books', 'music', 'film', 'tv'],
    },
  ],
  captionCues: [
    // The wire-photo style: "In this Dec. 12, 2006, file photo, made available by NASA, …", "In this
    // photo issued by ITV, …". A plain "In this photo, you can see…" is a writer's sentence.
    { id: 'en/wire-caption', pattern: /^in this (?:(?:[a-z]{3,9}\.? \d{1,2}, \d{4},? )?(?:file |handout )?photo,? (?:issued|provided|released|taken|made available|distributed|obtained) by ([^,]{2,40})|[a-z]{3,9}\.? \d{1,2}, \d{4},? (?:file |handout )?photo\b|(?:file|handout) photo\b)/iu },
    { id: 'en/agency-credit', pattern: /\(\s*((?:[^()]{0,40}\/)?(?:reuters|ap|afp|getty images|epa|associated press|bloomberg|ap photo|afp photo|reuters photo|xinhua|pa|istock|shutterstock)(?:\/[^()]{0,40})?)\s*\)$/iu },
    { id: 'en/photo-credit', pattern: /(?:\(|\[|^|\s)(?:photo|photograph|image|picture|pictured|credit|photo credit|source|illustration)s?(?: by| credit| courtesy(?: of)?)?\s*[:/]\s*(.{2,60}?)\)?\]?$/iu },
    // A credit line of its own: "Natalie Naccache | Bloomberg | Getty Images", "Matt McClain/The Washington Post via Getty Images".
    { id: 'en/credit-line', pattern: /^(?=.{0,100}$)(?:.*(?:[|/]|\bvia)\s*)?((?:getty images|getty|ap photo|ap file|associated press|reuters|afp|epa(?:-efe)?|shutterstock|istock(?:photo)?|bloomberg|corbis|alamy|pa wire|rex features)(?:\s*\/.{0,30})?)\s*$/iu },
    { id: 'en/file-photo', pattern: /^(?:file photo|file|photo|image|picture|pictured)\s*[:-]\s*.{10,}?(?:\s(?:reuters|ap|afp|getty images|epa)\/(\S.{0,40}))?$/iu },
    { id: 'en/photo-by', pattern: /\b(?:photo(?:graph)?|image|picture)s? (?:by|courtesy of|credit)\s+(\p{Lu}[^.]{1,80})$/u },
    // An alt text a CMS made from the headline: "Lexus wants you to go topless with 2020 LC500 Convertible image".
    // Eight words or more before it: "The big picture" or "Why the brand needs a new image" may head a section.
    { id: 'en/alt-suffix', pattern: /^(?=.{25,200}$)(?:\S+\s+){8,}image$/u },
    // "… of Titan. (NASA/JPL-Caltech/ASU)", "(Kristin Vogt / Pexels)": a short line that ends by naming
    // its sources with a slash is a caption.
    { id: 'en/slash-credit', pattern: /^(?=.{0,300}$).*\((\p{Lu}[^()/]{1,40}\/\s?\p{Lu}[^()]{1,40})\)$/u },
    { id: 'en/photo-trailing', pattern: /\s(?:photo|photograph|image):?\s+([\p{Lu}][\p{L} .'/-]{1,50})$/u },
  ],
  datelines: [
    { id: 'en/dateline-wire', pattern: /^(?<place>[\p{Lu}][\p{Lu} .,'-]{1,40}?)(?:,\s*(?:[\p{L}.]+\s+)?(?<day>\d{1,2})(?:,\s*\d{4})?)?\s*\((?<agency>reuters|ap|afp|bloomberg|upi|xinhua|cnn|dpa|ians|pti)\)\s*[-–—]/iu },
    { id: 'en/dateline-caps', pattern: /^(?<place>[\p{Lu}][\p{Lu} .'-]{2,30}(?:,\s*[\p{Lu}][\p{L}. ]{1,20})?)\s*[-–—]{1,2}\s+\p{Lu}/u },
  ],
  bylines: [
    { id: 'en/name-handle', pattern: /^(\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,2}) ?@\w{2,15}$/u },
    { id: 'en/by', pattern: /^(?:posted |written |story |words |text )?by:?\s+([\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3}(?:\s*(?:,|and|&)\s*[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3})*)/iu },
  ],
  dates: [
    { id: 'en/month-day-year', pattern: /\b(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{2})(?:,?\s*(?:at\s+)?(?<H>\d{1,2}):(?<M>\d{2})\s*(?<ampm>[ap]\.?m\.?)?)?/iu },
    { id: 'en/day-month-year', pattern: /\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?<y>(?:19|20)\d{2})/iu },
    // "9/17/2004 5:54:13 AM" (US) or "17/09/2004" (Europe): md1/md2 leave the order to the numbers,
    // and a date they cannot settle ("06/02/2022") is no date rather than a wrong one.
    { id: 'en/slash-date', pattern: /\b(?<md1>\d{1,2})\/(?<md2>\d{1,2})\/(?<y>(?:19|20)\d{2})(?:\s+(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2}))?\s*(?<ampm>[ap]\.?m\.?)?)?/iu },
    { id: 'en/iso', pattern: /\b(?<y>(?:19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})(?:[t ](?<H>\d{2}):(?<M>\d{2}))?/iu },
  ],
  editors: [{ id: 'en/edited-by', pattern: /^\(?(?:edited|editing) by\s+([^;)]{2,60})/iu }],
  stopwords: [...new Set([...eng, ...por, ...deu, ...ita, ...ind, ...rus, ...spa, ...fra, ...nld])].filter((w) => w.length > 0),
  functionChars: '',
} satisfies RulePack;
