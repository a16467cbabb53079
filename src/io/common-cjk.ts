// Companions to COMMON_HAN for the CJK decoding tie-break in decode.ts. A right decoding of East
// Asian text is mostly made of a few hundred frequent characters; a wrong double-byte decoding of
// the same bytes spreads over thousands of rare ones.

/**
 * Traditional forms of the COMMON_HAN characters that differ from the Simplified ones (OpenCC
 * cn→tw over COMMON_HAN, minus what COMMON_HAN already holds). Without them a right Big5 decoding
 * of Taiwan or Hong Kong news scores as rare text and loses to GB18030 garbage.
 */
export const COMMON_HANT =
  '裡樣軍並戰產話內給兒聲員論處幾認條氣題爾別數務場計資許統隊決馬則聽卻達強難權設類據張規萬覺術領確傳師觀識帶導爭運飛風乾聯組濟親極辦議證轉準遠臺單羅愛擊備連調質團價黨級離況亞請約覆斷滿視須寫稱嗎輕農裝廣顯談圖歷醫專費號盡較語僅隨選紅響雖勢參眾構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預陽繼驚傷藥適衛險陸習勞財環納歡獲負雲龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤';

/** Japanese (shinjitai) forms of COMMON_HAN characters that are neither Simplified nor Traditional. */
export const COMMON_KANJI =
  '説対発裏経様従実関両応戦産児処気変総徳聴権拠辺覚伝観譲帯歩収毎済証転単撃団価亜満増査軽曽広顕喫図歴専衆黒験営厳効続絶囲闘挙値銭楽弾仮晩脳継薬険労歓竜検霊徴読圧懐仏歳鉄芸悪戸釈壊雑';

/**
 * About 250 frequent Hangul syllables (particles, verb endings and common news words). GB2312
 * bytes read as EUC-KR land on Hangul too, but spread evenly over all 2,350 KS X 1001 syllables.
 */
export const COMMON_HANGUL =
  '이다의는에을하고가기한로지사서를대리도자수인정있어시나아부일국해구적들상전으제주과것라만보스게장성문경공요원소관유미여동내우연위조화방개신선학무비세그면중거마모실분각생단통식진행물간계당된말발회치러산업금오않었본민군저했영체심명교결차현입니히데특터집반안운감며점역후법날또력작알출남더번때없되였겠습까죠네든른야께처럼은런난올년늘최근련따령육환외북울람표획추예능황필노격투증권규두같새많큰좋쁜합됐았밝혔설판확강논협술품직객용료석센프램값파트건철항씨온눈바태풍찰검재혐피속함접떤엇누디언얼왜떻던';
