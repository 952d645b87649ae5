import { createApp, h } from 'vue'
import MeetingJoinView from './views/meeting/MeetingJoinView.vue'
import './styles/main.css'

/*
 * The phone's own page (join.html, served at /join and at the meeting server's root): only the
 * join view and what it imports. The study app's chunks — the question bank, the texts, the
 * search index — are never loaded by a phone, so no answer can be read from its assets.
 */
// The study app's shell gives its routes their main landmark; this page has no shell, so it gives its own.
createApp({ render: () => h('main', { id: 'main' }, [h(MeetingJoinView)]) }).mount('#app')
